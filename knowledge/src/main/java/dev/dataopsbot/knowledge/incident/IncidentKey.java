package dev.dataopsbot.knowledge.incident;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code INC-<n>}: the user-facing name of an incident; n is the row id and is never reused. */
public record IncidentKey(long number) {

    private static final Pattern FORMAT = Pattern.compile("(?i)(?:INC-?)?(\\d{1,18})");

    public IncidentKey {
        if (number < 1) {
            throw new IllegalArgumentException("incident numbers start at 1: " + number);
        }
    }

    /**
     * Reads {@code INC-12}, {@code inc-12} or {@code 12}.
     *
     * @throws IllegalArgumentException naming the expected format
     */
    public static IncidentKey parse(String text) {
        Matcher m = FORMAT.matcher(text == null ? "" : text.strip());
        if (!m.matches() || Long.parseLong(m.group(1)) < 1) {
            throw new IllegalArgumentException("'" + text + "' is not an incident key; expected INC-<number>, e.g. INC-12");
        }
        return new IncidentKey(Long.parseLong(m.group(1)));
    }

    @Override
    public String toString() {
        return "INC-" + number;
    }
}
