package dev.dataopsbot.bot.alert;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decodes Slack {@code mrkdwn} into plain text: links become {@code label (url)}, mentions become
 * {@code @name}/{@code #name}, the three escaped characters are unescaped and code fences lose their
 * backticks but keep their contents on lines of their own. Emphasis markers ({@code *bold*},
 * {@code _it_}, {@code ~s~}) and inline {@code `code`} are kept: the classifier normalises them.
 *
 * <p>An angle-bracket sequence that is not a Slack control sequence (an integration that forgot to
 * escape {@code <TaskInstance: ...>}) is kept as written.
 */
final class SlackMarkup {

    private static final Pattern CONTROL = Pattern.compile("<([@#!][^<>\\n]{1,500}|[a-zA-Z][a-zA-Z0-9+.-]{0,30}:[^\\s<>|][^<>\\n]{0,4000})>");
    private static final Pattern ENTITY = Pattern.compile("&(amp|lt|gt);");
    private static final Pattern FENCE = Pattern.compile("```");
    private static final Pattern SCHEME = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*://");

    /** The plain text of a {@code mrkdwn} string; null reads as empty. */
    String decode(String mrkdwn) {
        if (mrkdwn == null || mrkdwn.isEmpty()) {
            return "";
        }
        String unfenced = FENCE.matcher(mrkdwn).replaceAll("\n");
        String resolved = CONTROL.matcher(unfenced).replaceAll(m -> Matcher.quoteReplacement(control(m.group(1))));
        return unescape(resolved);
    }

    /** {@code &amp; &lt; &gt;} unescaped in one pass, so {@code &amp;lt;} stays {@code &lt;}. */
    String unescape(String text) {
        return ENTITY.matcher(text).replaceAll(m -> switch (m.group(1)) {
            case "amp" -> "&";
            case "lt" -> "<";
            default -> ">";
        });
    }

    /** A link written as Slack shows it: the label, then the URL unless the label already says it. */
    String link(String url, String label) {
        String target = url.startsWith("mailto:") ? url.substring("mailto:".length()) : url;
        if (label == null || label.isBlank()) {
            return target;
        }
        String shown = label.strip();
        if (shown.equals(target) || shown.equals(SCHEME.matcher(target).replaceFirst(""))) {
            return target;
        }
        return url.startsWith("mailto:") ? shown : shown + " (" + target + ")";
    }

    private String control(String inner) {
        int bar = inner.indexOf('|');
        String target = bar < 0 ? inner : inner.substring(0, bar);
        String label = bar < 0 || bar == inner.length() - 1 ? null : inner.substring(bar + 1);
        return switch (target.charAt(0)) {
            case '@' -> mention("@", label, target.substring(1));
            case '#' -> mention("#", label, target.substring(1));
            case '!' -> special(target.substring(1), label);
            default -> link(target, label);
        };
    }

    private static String mention(String sigil, String label, String id) {
        String name = label != null ? label : id;
        return name.startsWith(sigil) ? name : sigil + name;
    }

    /** {@code <!here>}, {@code <!channel>}, {@code <!subteam^S1|@team>}, {@code <!date^...|fallback>}. */
    private static String special(String command, String label) {
        if (command.startsWith("date^")) {
            return label != null ? label : "";
        }
        if (command.startsWith("subteam^")) {
            return mention("@", label, command.substring("subteam^".length()));
        }
        return label != null ? label : "@" + command;
    }
}
