package dev.dataopsbot.bot.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dataopsbot.bot.fake.FakeSlackApi;
import dev.dataopsbot.knowledge.incident.EventKind;
import dev.dataopsbot.knowledge.incident.Incident;
import dev.dataopsbot.knowledge.incident.IncidentKey;
import dev.dataopsbot.knowledge.incident.IncidentStatus;
import dev.dataopsbot.knowledge.incident.TimelineEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Alerts that integrations post in alert channels, answered in their threads without a command. */
class ChannelAlertsTest {

    static final String AIRFLOW_FAILED = ":red_circle: Task Failed.\n*Dag*: orders_daily\n*Task*: load_orders\n"
            + "*Execution Time*: 2024-05-14T04:00:00+00:00\n*Log Url*: <http://airflow:8080/log?dag_id=orders_daily&task_id=load_orders|View log>\n"
            + "*Error*: snowflake.connector.errors.ProgrammingError: 390114 (08001): Authentication token has expired. "
            + "The user must authenticate again.";
    static final String AIRFLOW_SUCCEEDED = ":large_green_circle: Task Succeeded.\n*Dag*: orders_daily\n*Task*: load_orders\n"
            + "*Execution Time*: 2024-05-14T05:00:00+00:00";

    private static final IncidentKey FIRST = new IncidentKey(1);
    private final ObjectMapper json = new ObjectMapper();

    @TempDir
    Path dataDir;
    private RunningBot bot;

    @BeforeEach
    void start() throws Exception {
        bot = new RunningBot(dataDir, Map.of("DATAOPS_ALERT_CHANNELS", "C1,C2", "DATAOPS_SECURITY_CHANNEL", "CSEC"));
    }

    @AfterEach
    void stop() throws Exception {
        bot.close();
    }

    @Test
    void an_airflow_callback_is_answered_in_its_thread_and_opens_an_incident_there() throws Exception {
        assertEquals(200, bot.event("Ev1", bot.botMessage("C1", "1700000100.000100", "Airflow", AIRFLOW_FAILED), 0).statusCode());

        FakeSlackApi.Call reply = bot.slack.await("chat.postMessage", call -> true);
        assertEquals("C1", reply.param("channel"));
        assertEquals("1700000100.000100", reply.param("thread_ts"), "in the alert's thread");
        assertTrue(reply.param("text").contains("credential_expiry"), reply.param("text"));
        bot.awaitMessage(FIRST);
        Incident incident = bot.knowledge.store().require(FIRST);
        assertEquals("C1", incident.channel());
        assertEquals("1700000100.000100", incident.threadTs());
        bot.awaitNoPendingReplies();
    }

    /** The alert's name is stored with the incident (to match its recovery): it must be the redacted name. */
    @Test
    void a_secret_in_an_alert_title_does_not_reach_the_store_through_the_alert_key() throws Exception {
        String secret = "Spr1ng-Load-2024";
        bot.event("Ev-key", bot.botMessage("C1", "1700000400.000100", "Airflow", "[Triggered] orders loader DB_PASSWORD="
                + secret + " rejected by warehouse\n" + AIRFLOW_FAILED.substring(AIRFLOW_FAILED.indexOf('\n') + 1)), 0);
        bot.awaitMessage(FIRST);
        bot.awaitNoPendingReplies();
        assertTrue(bot.knowledge.store().findOpenByAlertKey("orders loader db_password=[redacted] rejected by warehouse").isPresent());
        for (String file : List.of("dataops.db", "dataops.db-wal")) {
            Path path = dataDir.resolve(file);
            if (Files.exists(path)) {
                assertFalse(new String(Files.readAllBytes(path), StandardCharsets.ISO_8859_1).contains(secret), file);
            }
        }
    }

    @Test
    void a_datadog_attachment_and_a_great_expectations_block_message_are_read_where_the_integrations_put_the_text()
            throws Exception {
        ObjectNode datadog = bot.botMessage("C1", "1700000200.000100", "Datadog", "");
        datadog.putArray("attachments").addObject().put("title", "[Triggered] Snowflake login failures on etl_user")
                .put("text", "JWT token is invalid or expired for user ETL_USER\nMonitor: snowflake.logins.failed > 5")
                .put("color", "#d00000");
        bot.event("Ev-dd", datadog, 0);
        ObjectNode expectations = bot.botMessage("C2", "1700000300.000100", "Great Expectations", "Validation failed");
        expectations.putArray("blocks").addObject().put("type", "section").putObject("text").put("type", "mrkdwn")
                .put("text", "*Suite*: orders.warehouse_suite\n*Data asset*: analytics.fct_orders\n"
                        + "expect_column_values_to_not_be_null failed on column customer_id: unexpected_count 42 of 10000 rows");
        bot.event("Ev-ge", expectations, 0);

        FakeSlackApi.Call first = bot.slack.await("chat.postMessage", call -> "1700000200.000100".equals(call.param("thread_ts")));
        assertTrue(first.param("text").contains("credential_expiry"), first.param("text"));
        FakeSlackApi.Call second = bot.slack.await("chat.postMessage", call -> "1700000300.000100".equals(call.param("thread_ts")));
        assertTrue(second.param("text").contains("data_quality"), second.param("text"));
    }

    @Test
    void the_bots_own_messages_chat_edits_and_other_channels_get_no_reply() throws Exception {
        ObjectNode own = bot.botMessage("C1", "1700000400.000100", "dataops-bot", AIRFLOW_FAILED).put("bot_id", "BBOT")
                .put("user", "UBOT");
        ObjectNode edit = json.createObjectNode().put("type", "message").put("subtype", "message_changed").put("channel", "C1")
                .put("ts", "1700000401.000100");
        edit.putObject("message").put("text", AIRFLOW_FAILED).put("ts", "1700000400.000100");
        for (var event : List.of(own, edit,
                bot.humanMessage("C1", "1700000402.000100", null, "U7", "anyone know why the dashboard is slow?"),
                bot.botMessage("C9", "1700000403.000100", "Airflow", AIRFLOW_FAILED))) {
            assertEquals(200, bot.event("Ev-" + event.path("ts").asText(), event, 0).statusCode());
        }
        Thread.sleep(1000);
        assertEquals(List.of(), bot.slack.calls("chat.postMessage"));
        assertTrue(bot.knowledge.store().list(false, 10).isEmpty());
    }

    @Test
    void an_event_delivered_three_times_is_answered_once() throws Exception {
        ObjectNode alert = bot.botMessage("C1", "1700000500.000100", "Airflow", AIRFLOW_FAILED);
        for (int retry = 0; retry < 3; retry++) {
            assertEquals(200, bot.event("Ev-retried", alert, retry).statusCode());
        }
        bot.awaitMessage(FIRST);
        Thread.sleep(1000);
        assertEquals(1, bot.slack.calls("chat.postMessage").size());
        assertEquals(1, bot.knowledge.store().require(FIRST).alertCount());
        assertEquals(1, bot.knowledge.store().list(false, 10).size());
    }

    @Test
    void repeats_fold_into_the_first_thread_with_at_most_one_pointer_a_minute_and_an_updated_count() throws Exception {
        bot.event("Ev-r0", bot.botMessage("C1", "1700000600.000100", "Airflow", AIRFLOW_FAILED), 0);
        bot.awaitMessage(FIRST);
        for (int n = 1; n <= 5; n++) {
            bot.event("Ev-r" + n, bot.botMessage("C1", "17000006" + n + "0.000100", "Airflow", AIRFLOW_FAILED), 0);
        }

        bot.slack.await("chat.update", call -> call.json("blocks").toString().contains("*Alerts*\\n6"));
        Thread.sleep(1500);
        List<FakeSlackApi.Call> posts = bot.slack.calls("chat.postMessage");
        List<FakeSlackApi.Call> pointers = posts.stream().filter(c -> c.param("text").startsWith("Repeat")).toList();
        assertEquals(1, pointers.size(), "one pointer a minute: " + posts.stream().map(c -> c.param("text")).toList());
        assertTrue(pointers.get(0).param("thread_ts").matches("17000006[1-5]0\\.000100"),
                "in a repeat's own thread: " + pointers.get(0).param("thread_ts"));
        assertTrue(pointers.get(0).param("text").contains("INC-1"), pointers.get(0).param("text"));
        assertEquals(2, posts.size(), "one triage message and one pointer");
        assertEquals(6, bot.knowledge.store().require(FIRST).alertCount());
        assertEquals(1, bot.knowledge.store().list(false, 10).size());
    }

    @Test
    void a_success_callback_for_the_same_task_records_recovery_and_updates_the_message() throws Exception {
        bot.event("Ev-f", bot.botMessage("C1", "1700000700.000100", "Airflow", AIRFLOW_FAILED), 0);
        String triageTs = bot.awaitMessage(FIRST).ts();
        bot.event("Ev-s", bot.botMessage("C1", "1700000800.000100", "Airflow", AIRFLOW_SUCCEEDED), 0);

        FakeSlackApi.Call notice = bot.slack.await("chat.postMessage", call -> call.param("text").contains("reports recovery"));
        assertEquals("1700000700.000100", notice.param("thread_ts"), "in the incident's thread");
        bot.slack.await("chat.update", call -> triageTs.equals(call.param("ts")));
        Incident incident = bot.knowledge.store().require(FIRST);
        assertEquals(IncidentStatus.MITIGATED, incident.status(), "resolving stays a human decision");
        TimelineEvent mitigated = last(EventKind.MITIGATED);
        assertEquals(TimelineEvent.BOT, mitigated.actor());
        assertTrue(mitigated.text().startsWith("source reports recovery"), mitigated.text());
    }

    @Test
    void a_datadog_recovery_closes_the_alert_of_the_same_monitor_though_it_names_no_pipeline_object() throws Exception {
        ObjectNode triggered = bot.botMessage("C1", "1700000850.000100", "Datadog", "");
        triggered.putArray("attachments").addObject().put("title", "Triggered: [P2] Warehouse login failures for etl_user")
                .put("text", "JWT token is invalid or expired for user ETL_USER");
        bot.event("Ev-dd1", triggered, 0);
        bot.awaitMessage(FIRST);
        ObjectNode recovered = bot.botMessage("C1", "1700000860.000100", "Datadog", "");
        recovered.putArray("attachments").addObject().put("title", "Recovered: [P2] Warehouse login failures for etl_user")
                .put("text", "Login failures are back to 0");
        bot.event("Ev-dd2", recovered, 0);

        bot.slack.await("chat.postMessage", call -> call.param("text").contains("reports recovery"));
        assertEquals(IncidentStatus.MITIGATED, bot.knowledge.store().require(FIRST).status());
    }

    @Test
    void replies_in_an_incident_thread_go_on_its_timeline() throws Exception {
        bot.event("Ev-t", bot.botMessage("C1", "1700000900.000100", "Airflow", AIRFLOW_FAILED), 0);
        bot.awaitMessage(FIRST);
        bot.event("Ev-t1", bot.humanMessage("C1", "1700000901.000100", "1700000900.000100", "U5",
                "rotating the key now, password=hunter2"), 0);
        bot.event("Ev-t2", bot.humanMessage("C1", "1700000902.000100", "1700000900.000100", "U5",
                "action: alert on key age 30 days before expiry"), 0);

        TimelineEvent update = last(EventKind.STATUS_UPDATE);
        assertEquals("U5", update.actor());
        assertFalse(update.text().contains("hunter2"), "redacted: " + update.text());
        assertEquals("alert on key age 30 days before expiry", last(EventKind.ACTION_ITEM).text());
    }

    @Test
    void a_pii_alert_pages_security_and_shows_no_evidence_in_the_alert_channel() throws Exception {
        String dlp = "DLP finding: PII detected in analytics.marketing_export: 1,204 unmasked email addresses such as "
                + "jane.doe@example.com and 87 SSN values like 123-45-6789 in a non-restricted dataset";
        bot.event("Ev-pii", bot.botMessage("C1", "1700001000.000100", "Cloud DLP", dlp), 0);

        FakeSlackApi.Call page = bot.slack.await("chat.postMessage", call -> "CSEC".equals(call.param("channel")));
        assertTrue(page.param("text").contains("INC-1"), page.param("text"));
        assertTrue(page.param("text").contains("https://acme.slack.com/archives/C1/p"), "links the thread: " + page.param("text"));
        FakeSlackApi.Call triage = bot.slack.calls("chat.postMessage").stream().filter(c -> "C1".equals(c.param("channel")))
                .findFirst().orElseThrow();
        String shown = triage.param("text") + triage.param("blocks");
        assertTrue(shown.contains("Security was paged"), shown);
        for (String personal : List.of("jane.doe", "123-45-6789", "1,204 unmasked")) {
            assertFalse(shown.contains(personal) || page.param("text").contains(personal), personal + " shown");
        }
        assertEquals("SEV1", bot.knowledge.store().require(FIRST).severity());
        bot.awaitNoPendingReplies();
        assertEquals(1, bot.slack.calls("chat.postMessage").stream().filter(c -> "CSEC".equals(c.param("channel"))).count(),
                "paged once");
    }

    @Test
    void a_vague_alert_gets_a_short_could_not_classify_reply_and_no_incident() throws Exception {
        bot.event("Ev-v", bot.botMessage("C1", "1700001100.000100", "Jenkins", "Build failed"), 0);

        FakeSlackApi.Call reply = bot.slack.await("chat.postMessage", call -> true);
        assertEquals("1700001100.000100", reply.param("thread_ts"));
        assertTrue(reply.param("text").contains("could not classify"), reply.param("text"));
        assertTrue(bot.knowledge.store().list(false, 10).isEmpty());
    }

    private TimelineEvent last(EventKind kind) throws InterruptedException {
        return bot.awaitLast(FIRST, kind);
    }
}
