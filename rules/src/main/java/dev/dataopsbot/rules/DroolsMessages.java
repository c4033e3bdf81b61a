package dev.dataopsbot.rules;

import java.util.regex.Pattern;

/** Turns Drools compiler messages into one readable line without internal codes. */
final class DroolsMessages {

    private static final Pattern CODE_AND_POSITION = Pattern.compile("^\\[ERR \\d+\\] Line \\d+:\\d+ ");
    private static final Pattern NULL_PACKAGE = Pattern.compile("(?i)parser returned a null package");

    private DroolsMessages() {
    }

    static String clean(String message) {
        String first = message == null ? "" : message.strip();
        if (NULL_PACKAGE.matcher(first).find()) {
            return "";
        }
        first = CODE_AND_POSITION.matcher(first).replaceFirst("");
        return first.replaceAll("\\s+", " ");
    }
}
