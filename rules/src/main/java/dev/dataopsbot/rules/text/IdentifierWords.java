package dev.dataopsbot.rules.text;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * Reads an identifier the way a person does: {@code ConcurrentRunsExceededException} is
 * "concurrent runs exceeded exception", {@code ICEBERG_COMMIT_ERROR} is "iceberg commit error",
 * {@code org.apache.kafka.common.errors.TimeoutException} ends in "timeout exception". Splits at
 * non-alphanumerics, at lower-to-upper case changes and at the end of an acronym
 * ({@code HTTPError} is "http error").
 */
public final class IdentifierWords {

    private IdentifierWords() {
    }

    /** The lower-cased parts of an identifier, in order; a plain word gives itself. */
    public static List<String> split(String identifier) {
        List<String> parts = new ArrayList<>();
        int start = -1;
        for (int i = 0; i <= identifier.length(); i++) {
            char c = i < identifier.length() ? identifier.charAt(i) : ' ';
            boolean wordChar = isAsciiAlphanumeric(c);
            if (wordChar && start < 0) {
                start = i;
            } else if (!wordChar && start >= 0) {
                splitCamel(identifier, start, i, parts);
                start = -1;
            }
        }
        return parts;
    }

    /** Adds the camel-case parts of {@code text[start, end)}, a run of ASCII letters and digits. */
    static void splitCamel(String text, int start, int end, Collection<String> parts) {
        int partStart = start;
        for (int i = start + 1; i < end; i++) {
            char previous = text.charAt(i - 1);
            char c = text.charAt(i);
            boolean lowerToUpper = Character.isLowerCase(previous) && Character.isUpperCase(c);
            boolean acronymEnd = Character.isUpperCase(previous) && Character.isUpperCase(c)
                    && i + 1 < end && Character.isLowerCase(text.charAt(i + 1));
            if (lowerToUpper || acronymEnd) {
                parts.add(text.substring(partStart, i).toLowerCase(Locale.ROOT));
                partStart = i;
            }
        }
        parts.add(text.substring(partStart, end).toLowerCase(Locale.ROOT));
    }

    static boolean isAsciiAlphanumeric(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }
}
