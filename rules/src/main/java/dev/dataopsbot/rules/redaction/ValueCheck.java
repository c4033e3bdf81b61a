package dev.dataopsbot.rules.redaction;

import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What a matched secret must also look like before it is redacted, for kinds whose key alone
 * does not make the value a secret: {@code key=} is followed by an API key as often as by a Kafka
 * message key, and {@code Basic} by a base64 credential as often as by "authentication".
 */
enum ValueCheck {

    /** Any value the regex matched. */
    NONE("none"),

    /**
     * Random-looking: at least 16 characters, letters and digits mixed, a Shannon entropy of at
     * least 3.5 bits per character (3.0 for hexadecimal), and not one of the shapes ordinary log
     * values have (UUID, date, file or object path, dotted identifier).
     */
    HIGH_ENTROPY("high-entropy"),

    /** Not a plain word ({@code authentication}, {@code Realm}, {@code NONE}, {@code access-denied}). */
    NOT_A_WORD("not-a-word");

    private static final Pattern UUID = Pattern.compile("(?i)[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern DOTTED_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_$-]*(?:\\.[A-Za-z_][A-Za-z0-9_$-]*)+");
    private static final Pattern HEX = Pattern.compile("[0-9a-fA-F]+");
    private static final Pattern WORD = Pattern.compile("[A-Za-z][a-z]*(?:[-_][A-Za-z][a-z]*)*|[A-Z]+(?:_[A-Z]+)*");
    /** One part of an identifier: a word, a capitalised word, an upper-case word or a number. */
    private static final Pattern PLAIN_PART = Pattern.compile("[a-z]+|[A-Z][a-z]+|[A-Z]+|\\d+");
    private static final Pattern SEPARATORS = Pattern.compile("[-_.:/]+");

    private final String id;

    ValueCheck(String id) {
        this.id = id;
    }

    String id() {
        return id;
    }

    /** @throws IllegalArgumentException naming the known checks */
    static ValueCheck named(String name) {
        for (ValueCheck check : values()) {
            if (check.id.equals(name.strip().toLowerCase(Locale.ROOT))) {
                return check;
            }
        }
        throw new IllegalArgumentException("unknown check '" + name.strip() + "' (known: "
                + Arrays.stream(values()).map(ValueCheck::id).collect(Collectors.joining(", ")) + ")");
    }

    boolean accepts(String value) {
        return switch (this) {
            case NONE -> true;
            case NOT_A_WORD -> !WORD.matcher(unquoted(value).replaceAll("=+$", "")).matches();
            case HIGH_ENTROPY -> looksRandom(unquoted(value));
        };
    }

    private static boolean looksRandom(String value) {
        String v = value.replaceAll("=+$", "");
        if (v.length() < 16) {
            return false;
        }
        boolean letter = false;
        boolean digit = false;
        boolean upper = false;
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            letter |= Character.isLetter(c);
            digit |= c >= '0' && c <= '9';
            upper |= c >= 'A' && c <= 'Z';
        }
        if (!letter || !digit) {
            return false;
        }
        if (UUID.matcher(v).find() || DATE.matcher(v).find() || DOTTED_NAME.matcher(v).matches()) {
            return false;
        }
        if (v.indexOf('/') >= 0 && (v.indexOf('.') >= 0 || !upper)) {
            return false;
        }
        if (isIdentifier(v)) {
            return false;
        }
        boolean hex = HEX.matcher(v).matches();
        if (hex && v.length() < 24) {
            return false;
        }
        return entropy(v) >= (hex ? 3.0 : 3.5);
    }

    /** Words and numbers joined by separators ({@code daily_orders_2024_05_01}): a name, not a key. */
    private static boolean isIdentifier(String value) {
        for (String part : SEPARATORS.split(value)) {
            if (!part.isEmpty() && !PLAIN_PART.matcher(part).matches()) {
                return false;
            }
        }
        return true;
    }

    private static String unquoted(String value) {
        if (value.length() >= 2 && (value.charAt(0) == '"' || value.charAt(0) == '\'')
                && value.charAt(value.length() - 1) == value.charAt(0)) {
            return value.substring(1, value.length() - 1);
        }
        return value;
    }

    /** Shannon entropy of the characters of {@code text}, in bits per character. */
    static double entropy(String text) {
        if (text.isEmpty()) {
            return 0;
        }
        int[] counts = new int[128];
        java.util.Map<Character, Integer> other = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 128) {
                counts[c]++;
            } else {
                if (other == null) {
                    other = new java.util.HashMap<>();
                }
                other.merge(c, 1, Integer::sum);
            }
        }
        double sum = 0;
        double n = text.length();
        for (int count : counts) {
            if (count > 0) {
                double p = count / n;
                sum -= p * Math.log(p);
            }
        }
        if (other != null) {
            for (int count : other.values()) {
                double p = count / n;
                sum -= p * Math.log(p);
            }
        }
        return sum / Math.log(2);
    }
}
