package dev.dataopsbot.rules.redaction;

/**
 * A stretch of text one kind wants replaced.
 *
 * @param start       first character replaced
 * @param end         one past the last character replaced
 * @param kind        the kind's id, for counting
 * @param replacement what replaces it ({@code [REDACTED]}, {@code [REDACTED:email]}, ...)
 * @param rank        the kind's place in its list: where spans overlap, the lowest rank names the kind
 */
record Span(int start, int end, String kind, String replacement, int rank) {
}
