package dev.dataopsbot.rules.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;

import org.junit.jupiter.api.Test;

class MentionTest {

    @Test
    void id_forms_are_written_in_slack_mention_syntax() {
        Mention group = Mention.parse("<!subteam^S0123ABCD|finance-oncall>").orElseThrow();
        assertEquals("<!subteam^S0123ABCD|finance-oncall>", group.mrkdwn());
        assertEquals("@finance-oncall", group.display());
        assertEquals("<!subteam^S0123ABCD>", Mention.parse("<!subteam^S0123ABCD>").orElseThrow().display());
        assertEquals(Mention.Kind.USER, Mention.parse("<@U0123ABCD>").orElseThrow().kind());
        assertEquals("<#C0123ABCD>", Mention.parse("<#C0123ABCD>").orElseThrow().mrkdwn());
        assertEquals("<#C0123ABCDE>", Mention.parse("C0123ABCDE").orElseThrow().mrkdwn(), "a bare channel id becomes a link");
    }

    @Test
    void name_forms_are_shown_as_text() {
        Mention channel = Mention.parse("#finance-data").orElseThrow();
        assertEquals(Mention.Kind.CHANNEL_NAME, channel.kind());
        assertEquals("#finance-data", channel.mrkdwn());
        assertEquals(Mention.Kind.HANDLE, Mention.parse("@finance-oncall").orElseThrow().kind());
    }

    @Test
    void anything_else_is_not_a_mention() {
        for (String bad : new String[] {"finance oncall", "<!channel>", "<!subteam^S1|x> <!here>", "<@U1|a>b>", "#Finance Data",
                "<https://evil.example|click>", "@here <!everyone>", "", "CHANNEL"}) {
            assertEquals(Optional.empty(), Mention.parse(bad), bad);
        }
    }
}
