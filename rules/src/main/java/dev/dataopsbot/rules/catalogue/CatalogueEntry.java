package dev.dataopsbot.rules.catalogue;

/**
 * One line of a catalogue: a code and what it means for triage.
 *
 * @param code    as written: exact, or a class prefix ending in {@code *} ({@code 08*}), or for a
 *                {@code words} catalogue the words an identifier must contain ({@code concurrent exceeded})
 * @param mode    a taxonomy id; {@code unknown} means "known, and not a failure or not telling"
 * @param retry   {@code yes}, {@code no}, {@code after_fix}, or {@code -} for the mode's default
 * @param weight  how surely the code alone names the mode, 0.30-0.95
 * @param meaning the source's own name or description
 * @param retryReason why {@code retry} is the advice for this code, a short phrase; empty when
 *                the entry gives none (optional sixth column)
 * @param line    1-based line in the catalogue file
 */
public record CatalogueEntry(String code, String mode, String retry, double weight, String meaning, String retryReason,
                             int line) {

    boolean isPrefix() {
        return code.endsWith("*");
    }

    String prefix() {
        return code.substring(0, code.length() - 1);
    }
}
