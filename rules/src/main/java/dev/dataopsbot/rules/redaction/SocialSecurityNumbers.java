package dev.dataopsbot.rules.redaction;

import java.util.regex.Pattern;

/**
 * US social security numbers written {@code 123-45-6789}, and taxpayer ids of the same shape
 * (ITINs start with 9): any area but 000, any group but 00, any serial but 0000, which no
 * number has.
 */
final class SocialSecurityNumbers implements PersonalDataKind {

    private static final Pattern SSN = Pattern.compile("\\b(?!000)\\d{3}-(?!00)\\d{2}-(?!0000)\\d{4}\\b");
    /** An SSN's first dash is its fourth character. */
    private static final AnchoredPattern AT = new AnchoredPattern(SSN, (text, sink) -> {
        for (int dash = text.indexOf('-'); dash >= 0; dash = text.indexOf('-', dash + 1)) {
            if (dash >= 3) {
                sink.add(dash - 3);
            }
        }
    });

    @Override
    public String id() {
        return "ssn";
    }

    @Override
    public void find(String text, int rank, Redaction sink) {
        AT.forEachMatch(text, m -> {
            sink.add(new Span(m.start(), m.end(), id(), "[REDACTED:ssn]", rank));
            return true;
        });
    }
}
