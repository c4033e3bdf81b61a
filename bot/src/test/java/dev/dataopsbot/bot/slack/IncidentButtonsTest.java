package dev.dataopsbot.bot.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dataopsbot.bot.fake.FakeSlackApi;
import dev.dataopsbot.bot.slack.message.Interactions;
import dev.dataopsbot.knowledge.incident.EventKind;
import dev.dataopsbot.knowledge.incident.IncidentKey;
import dev.dataopsbot.knowledge.incident.IncidentStatus;
import dev.dataopsbot.knowledge.incident.MessageRef;
import dev.dataopsbot.knowledge.incident.TimelineEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every button of the triage message, pressed against the running app. */
class IncidentButtonsTest {

    private static final IncidentKey KEY = new IncidentKey(1);

    @TempDir
    Path dataDir;
    private RunningBot bot;
    private MessageRef message;

    @BeforeEach
    void triage() throws Exception {
        bot = new RunningBot(dataDir);
        bot.slash("triage " + SlashTriageTest.EXPIRED_TOKEN);
        bot.slack.await("chat.postMessage", call -> true);
        message = SlashTriageTest.message(bot, KEY);
    }

    @AfterEach
    void stop() throws Exception {
        bot.close();
    }

    @Test
    void acknowledge_records_the_user_and_updates_the_message_in_place() throws Exception {
        assertEquals(200, bot.press(Interactions.ACKNOWLEDGE, "INC-1", message.ts(), "U2", null).statusCode());

        FakeSlackApi.Call update = bot.slack.await("chat.update", call -> true);
        assertEquals(message.ts(), update.param("ts"));
        assertEquals("C1", update.param("channel"));
        assertTrue(update.json("blocks").toString().contains("U2"), "the message shows who acknowledged");
        assertEquals(IncidentStatus.ACKNOWLEDGED, bot.knowledge.store().require(KEY).status());
        assertEquals("U2", last(EventKind.ACKNOWLEDGED).actor());
        assertTrue(bot.registry.scrape().contains("dataops_incidents_total{event=\"acknowledged\"} 1.0"));
    }

    @Test
    void acknowledging_twice_is_refused_with_an_ephemeral_message_and_changes_nothing() throws Exception {
        bot.press(Interactions.ACKNOWLEDGE, "INC-1", message.ts(), "U2", null);
        bot.slack.await("chat.update", call -> true);
        bot.press(Interactions.ACKNOWLEDGE, "INC-1", message.ts(), "U3", null);

        FakeSlackApi.Call refusal = bot.slack.await("chat.postEphemeral", call -> true);
        assertEquals("U3", refusal.param("user"));
        assertTrue(refusal.param("text").contains("already acknowledged"), refusal.param("text"));
        assertEquals(1, bot.knowledge.store().timeline(KEY).stream().filter(e -> e.kind() == EventKind.ACKNOWLEDGED).count());
    }

    @Test
    void the_severity_select_changes_the_severity() throws Exception {
        bot.press(Interactions.SEVERITY, "INC-1", message.ts(), "U2", "SEV1");

        bot.slack.await("chat.update", call -> call.param("text").contains("SEV1"));
        assertEquals("SEV1", bot.knowledge.store().require(KEY).severity());
        assertEquals("U2", last(EventKind.SEVERITY_CHANGED).actor());
    }

    @Test
    void add_note_opens_a_modal_whose_submission_is_a_note_by_the_user() throws Exception {
        bot.press(Interactions.ADD_NOTE, "INC-1", message.ts(), "U2", null);
        JsonNode view = bot.slack.await("views.open", call -> true).json("view");
        assertEquals(Interactions.NOTE_MODAL, view.path("callback_id").asText());

        bot.submit(Interactions.NOTE_MODAL, view.path("private_metadata").asText(), "U2",
                Map.of(Interactions.NOTE_TEXT, "rotated the key in Vault"), false);

        bot.slack.await("chat.update", call -> call.param("ts").equals(message.ts()));
        TimelineEvent note = last(EventKind.NOTE);
        assertEquals("U2", note.actor());
        assertEquals("rotated the key in Vault", note.text());
    }

    @Test
    void resolve_asks_what_fixed_it_and_resolves() throws Exception {
        bot.press(Interactions.RESOLVE, "INC-1", message.ts(), "U2", null);
        JsonNode view = bot.slack.await("views.open", call -> true).json("view");
        assertEquals(Interactions.RESOLVE_MODAL, view.path("callback_id").asText());

        String blank = bot.submit(Interactions.RESOLVE_MODAL, view.path("private_metadata").asText(), "U2",
                Map.of(Interactions.RESOLUTION_TEXT, ""), false).body();
        assertTrue(blank.contains(Interactions.RESOLUTION_TEXT), "a blank resolution is refused in the modal: " + blank);
        bot.submit(Interactions.RESOLVE_MODAL, view.path("private_metadata").asText(), "U2",
                Map.of(Interactions.RESOLUTION_TEXT, "rotated the AWS key and re-ran the task"), false);

        FakeSlackApi.Call update = bot.slack.await("chat.update", call -> call.param("ts").equals(message.ts()));
        assertTrue(update.json("blocks").toString().contains("rotated the AWS key"), "the message shows the resolution");
        assertEquals(IncidentStatus.RESOLVED, bot.knowledge.store().require(KEY).status());
        assertEquals("U2", last(EventKind.RESOLVED).actor());
        assertTrue(bot.registry.scrape().contains("dataops_incidents_total{event=\"resolved\"} 1.0"));
    }

    @Test
    void generate_summary_uploads_the_markdown_into_the_incident_thread() throws Exception {
        bot.press(Interactions.SUMMARY, "INC-1", message.ts(), "U2", null);

        FakeSlackApi.Call slot = bot.slack.await("files.getUploadURLExternal", call -> true);
        assertEquals("INC-1-summary.md", slot.param("filename"));
        FakeSlackApi.Call upload = bot.slack.await("upload", call -> true);
        assertTrue(upload.body().contains("INC-1"), upload.body());
        assertEquals(Integer.parseInt(slot.param("length")), upload.body().getBytes(java.nio.charset.StandardCharsets.UTF_8).length);
        FakeSlackApi.Call complete = bot.slack.await("files.completeUploadExternal", call -> true);
        assertEquals("C1", complete.param("channel_id"));
        assertEquals(message.ts(), complete.param("thread_ts"));
        assertTrue(complete.param("files").contains("F1"), complete.param("files"));
        assertEquals("U2", last(EventKind.SUMMARY_GENERATED).actor());
    }

    @Test
    void wrong_classification_records_the_right_mode_as_feedback() throws Exception {
        bot.press(Interactions.WRONG_CLASSIFICATION, "INC-1", message.ts(), "U2", null);
        JsonNode view = bot.slack.await("views.open", call -> true).json("view");
        assertEquals(Interactions.FEEDBACK_MODAL, view.path("callback_id").asText());
        assertTrue(view.toString().contains("schema_drift"), "the modal offers the other modes");

        bot.submit(Interactions.FEEDBACK_MODAL, view.path("private_metadata").asText(), "U2",
                Map.of(Interactions.CORRECT_MODE, "permission_denied"), true);

        bot.slack.await("chat.update", call -> call.param("ts").equals(message.ts()));
        TimelineEvent feedback = last(EventKind.FEEDBACK);
        assertEquals("U2", feedback.actor());
        assertEquals("permission_denied", feedback.detail().path("correct_mode").asText());
        assertEquals(false, feedback.detail().path("correct").asBoolean(true));

        var teamCase = bot.knowledge.teamCases().list().get(0);
        assertEquals("permission_denied", teamCase.mode());
        assertEquals("corrected by U2 on INC-1", teamCase.provenance());
        // the correction counts at once: serve's triage now calls the same alert the corrected mode
        var again = bot.triage().triage("slack", SlashTriageTest.EXPIRED_TOKEN);
        assertEquals("permission_denied", again.verdict().failureMode());
        assertEquals("team case", again.decidedBy());
        assertTrue(again.decisionReason().contains("corrected by U2 on INC-1"), again.decisionReason());
    }

    private TimelineEvent last(EventKind kind) throws InterruptedException {
        return bot.awaitLast(KEY, kind);
    }
}
