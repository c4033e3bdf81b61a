package dev.dataopsbot.bot.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import dev.dataopsbot.bot.fake.FakeSlackApi;
import dev.dataopsbot.knowledge.incident.AlertReport;
import dev.dataopsbot.knowledge.incident.EventKind;
import dev.dataopsbot.knowledge.incident.IncidentKey;
import dev.dataopsbot.knowledge.incident.IncidentStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code /dataops ack|sev|note|action|mitigate|resolve|incidents|summary|report}. */
class LifecycleCommandsTest {

    private static final IncidentKey KEY = new IncidentKey(1);

    @TempDir
    Path dataDir;
    private RunningBot bot;

    @BeforeEach
    void triage() throws Exception {
        bot = new RunningBot(dataDir);
        bot.slash("triage " + SlashTriageTest.EXPIRED_TOKEN);
        bot.awaitMessage(KEY);
    }

    @AfterEach
    void stop() throws Exception {
        bot.close();
    }

    @Test
    void the_lifecycle_commands_change_the_incident_with_the_user_as_actor_and_update_its_message() throws Exception {
        assertEquals("INC-1 acknowledged by <@U1>.", answer("ack INC-1"));
        assertEquals("INC-1 is now SEV1.", answer("sev INC-1 sev1 customer invoices late"));
        assertEquals("Note added to INC-1.", answer("note INC-1 partner notified"));
        assertEquals("Action item added to INC-1 for @bob.", answer("action INC-1 @bob alert on key age"));
        assertEquals("INC-1 marked mitigated.", answer("mitigate INC-1 uploads paused"));
        assertEquals("INC-1 resolved by <@U1>.", answer("resolve INC-1 rotated the key"));

        assertEquals(IncidentStatus.RESOLVED, bot.knowledge.store().require(KEY).status());
        assertEquals("SEV1", bot.knowledge.store().require(KEY).severity());
        assertTrue(bot.knowledge.store().timeline(KEY).stream()
                .filter(e -> e.kind() == EventKind.ACTION_ITEM).allMatch(e -> e.actor().equals("U1")
                        && e.detail().path("owner").asText().equals("@bob")));
        bot.slack.awaitCount("chat.update", call -> true, 6);
    }

    @Test
    void unknown_incidents_and_refused_transitions_come_back_ephemeral_and_change_nothing() throws Exception {
        assertTrue(answer("ack INC-99").contains("INC-99"), "names the missing incident");
        answer("ack INC-1");
        int events = bot.knowledge.store().timeline(KEY).size();
        assertTrue(answer("ack INC-1").contains("already acknowledged"));
        assertEquals(events, bot.knowledge.store().timeline(KEY).size());
    }

    @Test
    void malformed_commands_get_their_usage_at_once_and_touch_nothing() throws Exception {
        int events = bot.knowledge.store().timeline(KEY).size();
        assertEquals("'twelve' is not an incident key. Usage: `/dataops ack INC-12`", bot.ackText(bot.slash("ack twelve")));
        assertTrue(bot.ackText(bot.slash("sev INC-1 SEV9")).startsWith("'SEV9' is not SEV1, SEV2, SEV3 or SEV4."));
        assertTrue(bot.ackText(bot.slash("note INC-1")).startsWith("the note is missing."));
        assertTrue(bot.ackText(bot.slash("resolve INC-1")).startsWith("say what fixed it."));
        assertTrue(bot.ackText(bot.slash("report yesterday-ish")).startsWith("Usage: `/dataops report [7d|30d]`"));
        String token = "ghp_EXAMPLEfake0123456789DoNotUseXyZEXAM";
        for (String command : new String[] {"ack " + token, "sev INC-1 " + token, "report " + token, token}) {
            String ack = bot.ackText(bot.slash(command));
            assertFalse(ack.contains(token), "a usage hint does not echo what may be a pasted token: " + ack);
        }
        assertEquals(events, bot.knowledge.store().timeline(KEY).size());
    }

    @Test
    void incidents_lists_the_open_ones_ephemerally() throws Exception {
        bot.slash("incidents");
        FakeSlackApi.Call list = bot.slack.await("response", call -> call.param("path").equals(bot.lastResponsePath()));
        assertTrue(list.body().contains("INC-1"), list.body());
        assertTrue(list.body().contains("\"response_type\":\"ephemeral\""), list.body());
    }

    @Test
    void summary_posts_the_markdown_file_into_the_thread_and_report_answers_with_the_window() throws Exception {
        assertEquals("Posted the summary of INC-1.", answer("summary INC-1"));
        FakeSlackApi.Call complete = bot.slack.await("files.completeUploadExternal", call -> true);
        assertEquals(bot.knowledge.store().require(KEY).threadTs(), complete.param("thread_ts"));

        String report = answer("report 30d");
        assertTrue(report.contains("30d") || report.contains("30 d"), report);
        assertTrue(report.contains("credential_expiry"), report);
    }

    @Test
    void report_shows_the_three_least_precise_rules_that_feedback_confirmed_or_corrected() throws Exception {
        decided("timeout: read timed out", 0, 2);
        decided("rate_limit: http 429 too many requests", 1, 1);
        decided("catalogue http-status: 503", 2, 1);
        decided("team case TC-3", 1, 0);
        decided("schema_drift: column type changed", 0, 0);

        String report = answer("report 7d");

        String rules = report.substring(report.indexOf("Least precise rules"));
        assertTrue(rules.contains("\n  timeout: read timed out                       2      0      2         0%\n"
                + "  rate_limit: http 429 too many requests        2      1      1        50%\n"
                + "  catalogue http-status: 503                    3      2      1        67%\n\n"), report);
        assertFalse(report.contains("team case TC-3"), "a fourth, more precise rule is left out: " + report);
        assertFalse(report.contains("schema_drift: column type changed"), "a rule nobody confirmed is left out: " + report);
        assertFalse(report.contains("more rule"), report);
    }

    private int tasks;

    /** Records incidents {@code rule} decided, {@code right} of them confirmed and {@code wrong} corrected. */
    private void decided(String rule, int right, int wrong) {
        for (int i = 0; i < Math.max(1, right + wrong); i++) {
            tasks++;
            IncidentKey key = bot.knowledge.store().record(new AlertReport("cli", "ERROR in task " + tasks,
                    "a title", "timeout", 0.9, "SEV3", "yes", "", List.of(),
                    Map.of("system", "airflow", "dag_id", "report", "task_id", "task_" + tasks), List.of(), List.of(), null,
                    null, null, new AlertReport.Decision("rules", "the rules decided", List.of(), rule, "3f2a9c1b0d4e"))).key();
            if (i < right + wrong) {
                bot.knowledge.lifecycle().feedback(key, i < right, i < right ? null : "dependency_unavailable", null, "U1");
            }
        }
    }

    @Test
    void help_lists_every_subcommand() throws Exception {
        String help = bot.ackText(bot.slash("help"));
        for (String word : new String[] {"triage", "incidents", "ack", "sev", "note", "action", "mitigate", "resolve", "summary", "report"}) {
            assertTrue(help.contains("/dataops " + word), word);
        }
    }

    @Test
    void an_unknown_subcommand_gets_help_not_an_error() throws Exception {
        HttpResponse<String> response = bot.slash("frobnicate now");
        assertEquals(200, response.statusCode(), response.body());
        String text = bot.ackText(response);
        assertTrue(text.startsWith("I don't know `frobnicate`."), text);
        assertTrue(text.contains("/dataops triage"), text);
    }

    /** Sends {@code /dataops text} and returns the text posted to its response_url. */
    private String answer(String text) throws Exception {
        HttpResponse<String> ack = bot.slash(text);
        assertEquals(200, ack.statusCode(), ack.body());
        String path = bot.lastResponsePath();
        return bot.slack.await("response", call -> call.param("path").equals(path)).json(null).path("text").asText();
    }
}
