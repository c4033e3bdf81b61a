package dev.dataopsbot.rules.routing;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The labels of an alert that arrives as text (a channel message, a pasted log, the CLI): every
 * line of the form {@code name: value} (a space after the colon), where the name is lower-case
 * letters, digits and underscores, such as {@code team: finance} or {@code tier: 1}. The first line of a name wins.
 * Alertmanager alerts bring their own labels and do not use this.
 */
public final class TextLabels {

    private static final Pattern LABEL_LINE = Pattern.compile("^[ \\t]*([a-z][a-z0-9_]{0,63})[ \\t]*:[ \\t]+(\\S[^\\n]*?)[ \\t]*$",
            Pattern.MULTILINE);

    public Map<String, String> of(String text) {
        Map<String, String> labels = new LinkedHashMap<>();
        Matcher m = LABEL_LINE.matcher(text);
        while (m.find()) {
            labels.putIfAbsent(m.group(1), m.group(2));
        }
        return labels;
    }
}
