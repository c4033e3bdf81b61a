package dev.dataopsbot.knowledge.summary;

/**
 * One section of a post-incident summary. A section with nothing recorded either says so in a
 * line or writes nothing at all; it never leaves an empty heading for someone to fill in.
 */
interface SummarySection {

    void write(SummaryFacts facts, MarkdownWriter out);
}
