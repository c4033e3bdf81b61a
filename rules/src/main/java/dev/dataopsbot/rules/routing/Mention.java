package dev.dataopsbot.rules.routing;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Who a route tells, in one of the forms Slack understands. The id forms are written in Slack's
 * mention syntax: a user group {@code <!subteam^S0123ABCD|finance-oncall>} and a user
 * {@code <@U0123ABCD>} are notified, a channel {@code <#C0123ABCD>} (or a bare id
 * {@code C0123ABCD}) becomes a link. The name forms, {@code #finance-data} and
 * {@code @finance-oncall}, are shown as text: Slack's API does not turn a name into a
 * notification, so use an id when someone must be paged.
 *
 * @param text the mention as written in the routing file
 * @param kind which form it is
 */
public record Mention(String text, Kind kind) {

    public enum Kind { USER_GROUP, USER, CHANNEL, CHANNEL_NAME, HANDLE }

    private static final String LABEL = "(?:\\|([A-Za-z0-9._-]{1,80}))?";
    private static final Pattern USER_GROUP = Pattern.compile("<!subteam\\^(S[A-Z0-9]{2,20})" + LABEL + ">");
    private static final Pattern USER = Pattern.compile("<@([UW][A-Z0-9]{2,20})" + LABEL + ">");
    private static final Pattern CHANNEL = Pattern.compile("<#([CG][A-Z0-9]{2,20})" + LABEL + ">");
    private static final Pattern CHANNEL_ID = Pattern.compile("C[A-Z0-9]{8,20}");
    private static final Pattern CHANNEL_NAME = Pattern.compile("#([a-z0-9][a-z0-9._-]{0,79})");
    private static final Pattern HANDLE = Pattern.compile("@([A-Za-z0-9][A-Za-z0-9._-]{0,79})");

    /** What a routing file may write, for error messages. */
    public static final String FORMS = "<!subteam^S…|handle>, <@U…>, <#C…>, C…, #channel-name or @handle";

    /** The mention written as {@code text}, or empty when it is none of the {@link #FORMS}. */
    public static Optional<Mention> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        if (USER_GROUP.matcher(text).matches()) {
            return Optional.of(new Mention(text, Kind.USER_GROUP));
        }
        if (USER.matcher(text).matches()) {
            return Optional.of(new Mention(text, Kind.USER));
        }
        if (CHANNEL.matcher(text).matches() || CHANNEL_ID.matcher(text).matches()) {
            return Optional.of(new Mention(text, Kind.CHANNEL));
        }
        if (CHANNEL_NAME.matcher(text).matches()) {
            return Optional.of(new Mention(text, Kind.CHANNEL_NAME));
        }
        if (HANDLE.matcher(text).matches()) {
            return Optional.of(new Mention(text, Kind.HANDLE));
        }
        return Optional.empty();
    }

    /**
     * Slack mrkdwn for this mention: the id forms in Slack's mention syntax, the name forms as
     * they are (they hold no character mrkdwn treats specially).
     */
    public String mrkdwn() {
        return kind == Kind.CHANNEL && CHANNEL_ID.matcher(text).matches() ? "<#" + text + ">" : text;
    }

    /** A readable name for text output: {@code @finance-oncall} for a group with a handle, else the text. */
    public String display() {
        if (kind == Kind.USER_GROUP) {
            Matcher m = USER_GROUP.matcher(text);
            if (m.matches() && m.group(2) != null) {
                return "@" + m.group(2);
            }
        }
        return text;
    }
}
