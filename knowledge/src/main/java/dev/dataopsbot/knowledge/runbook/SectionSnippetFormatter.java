package dev.dataopsbot.knowledge.runbook;

import java.util.regex.Pattern;

import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageFormatter;

/**
 * Formats the highest-scoring passage as plain text, prefixed with the runbook section it is in
 * ({@code "Diagnostics: Check the key with ..."}), without markdown fences or runs of blanks.
 */
final class SectionSnippetFormatter extends PassageFormatter {

    static final int MAX_CHARS = 280;
    private static final Pattern HEADING = Pattern.compile("(?m)^## (.+)$");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    private static final Pattern MARKUP = Pattern.compile("```[a-z]*|`|\\*\\*|^#+ |^\\s*[-*] ", Pattern.MULTILINE);

    @Override
    public Object format(Passage[] passages, String content) {
        Passage best = null;
        for (Passage passage : passages) {
            if (best == null || passage.getScore() > best.getScore()) {
                best = passage;
            }
        }
        if (best == null) {
            return null;
        }
        String section = sectionAt(content, best.getStartOffset());
        String text = content.substring(best.getStartOffset(), best.getEndOffset());
        text = plain(HEADING.matcher(text).replaceAll("$1:"));
        return section.isEmpty() || text.startsWith(section + ":") ? text : section + ": " + text;
    }

    /** The first words of a section, cleaned of markdown, prefixed with its name. */
    static String opening(String section, String text) {
        return section + ": " + plain(text.length() > 2 * MAX_CHARS ? text.substring(0, 2 * MAX_CHARS) : text);
    }

    /** Markdown markup removed, whitespace collapsed, at most {@link #MAX_CHARS} with an ellipsis. */
    private static String plain(String markdown) {
        String clean = WHITESPACE.matcher(MARKUP.matcher(markdown).replaceAll("")).replaceAll(" ").strip();
        return clean.length() > MAX_CHARS ? clean.substring(0, MAX_CHARS - 1).strip() + "…" : clean;
    }

    private static String sectionAt(String content, int offset) {
        var m = HEADING.matcher(content);
        String section = "";
        while (m.find() && m.start() <= offset) {
            section = m.group(1).strip();
        }
        return section;
    }
}
