package dev.dataopsbot.bot.slack.message;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;

import dev.dataopsbot.knowledge.incident.EventKind;
import dev.dataopsbot.knowledge.incident.TimelineEvent;

class TriageMessageTest {

    private static final Optional<URI> RUNBOOKS = Optional.of(URI.create("https://git.example.com/runbooks/blob/main/"));

    private final TriageMessage withLinks = new TriageMessage(RUNBOOKS);
    private final TriageMessage withoutLinks = new TriageMessage(Optional.empty());

    @Test
    void an_open_incident_shows_evidence_runbook_links_similar_incidents_and_every_action() throws Exception {
        SlackMessage message = withLinks.render(IncidentCard.from(Histories.credentialExpiry().alerts(3).build(),
                Histories.similar()));
        GoldenFiles.assertMatches("triage-open.json", message);
        assertEquals("INC-12 credential_expiry (SEV2): orders_daily.load_orders: Snowflake authentication token has "
                + "expired — safe to re-run: after fix", message.text());
        assertEquals(List.of("incident_ack", "incident_severity", "incident_note", "incident_resolve",
                "incident_summary", "incident_feedback"), actionIds(message));
    }

    @Test
    void without_a_base_url_runbooks_show_their_path() throws Exception {
        SlackMessage message = withoutLinks.render(IncidentCard.from(Histories.credentialExpiry().build(), List.of()));
        GoldenFiles.assertMatches("triage-open-no-runbook-url.json", message);
        assertTrue(text(message).contains("`runbooks/credential-expiry-snowflake.md`"));
    }

    @Test
    void an_acknowledged_incident_shows_who_acknowledged_it_and_drops_the_acknowledge_button() throws Exception {
        SlackMessage message = withLinks.render(IncidentCard.from(Histories.credentialExpiry().acknowledged("U0ALICE")
                .build(), Histories.similar()));
        GoldenFiles.assertMatches("triage-acknowledged.json", message);
        assertTrue(text(message).contains("INC-12 · acknowledged by <@U0ALICE>"));
        assertEquals(List.of("incident_severity", "incident_note", "incident_resolve", "incident_summary",
                "incident_feedback"), actionIds(message));
    }

    @Test
    void a_resolved_incident_shows_the_resolution_and_only_summary_and_feedback() throws Exception {
        SlackMessage message = withLinks.render(IncidentCard.from(Histories.credentialExpiry().acknowledged("U0ALICE")
                .resolved("U0BOB", "Rotated the key pair <in Vault> & cleared the connection cache.")
                .feedback("U0CAROL", false, "schema_drift", "the token error was a side effect").build(),
                Histories.similar()));
        GoldenFiles.assertMatches("triage-resolved.json", message);
        String shown = text(message);
        assertTrue(shown.contains("INC-12 · resolved by <@U0BOB>"), shown);
        assertTrue(shown.contains("Rotated the key pair &lt;in Vault&gt; &amp; cleared"), shown);
        assertTrue(shown.contains("Reclassified by <@U0CAROL>: schema_drift"), shown);
        assertEquals(List.of("incident_summary", "incident_feedback"), actionIds(message));
    }

    @Test
    void a_pii_incident_never_shows_its_evidence() throws Exception {
        var classified = Histories.classification("pii_exposure", 0.97, "SEV1", "no", "security team");
        Histories.evidence(classified, 3, "customer email jane.doe@example.com in column notes", "pii_exposure");
        SlackMessage message = withLinks.render(IncidentCard.from(Histories.open(21, "PII found in staging.orders",
                "pii_exposure", "SEV1").event(EventKind.CLASSIFIED, TimelineEvent.BOT, "classified", classified).build(),
                List.of()));
        GoldenFiles.assertMatches("triage-pii.json", message);
        assertTrue(text(message).contains(TriageMessage.PII_WITHHELD));
        assertFalse(text(message).contains("jane.doe"));
    }

    @Test
    void an_unclassified_alert_says_so() {
        SlackMessage message = withLinks.render(IncidentCard.from(Histories.open(5, "something odd", "unknown", "SEV3")
                .event(EventKind.CLASSIFIED, TimelineEvent.BOT, "classified",
                        Histories.classification("unknown", 0.0, "SEV3", "no", "")).build(), List.of()));
        JsonObject header = blocks(message).get(0).getAsJsonObject();
        assertEquals("Could not classify · SEV3", header.getAsJsonObject("text").get("text").getAsString());
        assertTrue(text(message).contains("nobody known yet"));
    }

    @Test
    void hostile_alert_text_is_escaped_kept_inside_its_code_block_and_cut_to_slack_limits() throws Exception {
        String hostile = "<!channel> @here ``` break out & <https://evil.example|click> " + "&<>".repeat(200) + "x".repeat(5000);
        var classified = Histories.classification("code_defect", 0.61, "SEV3", "no", "<!subteam^S1> & friends");
        for (int line = 1; line <= 3; line++) {
            Histories.evidence(classified, line, hostile, "code_defect");
        }
        var runbooks = Histories.JSON.createObjectNode();
        runbooks.putArray("runbooks").addObject().put("id", "x").put("title", "<!everyone> runbook")
                .put("path", "runbooks/a b|c>.md").put("snippet", hostile);
        IncidentCard card = IncidentCard.from(Histories.open(66, hostile, "code_defect", "SEV3")
                        .event(EventKind.CLASSIFIED, TimelineEvent.BOT, "classified", classified)
                        .event(EventKind.RUNBOOK_SUGGESTED, TimelineEvent.BOT, "runbooks", runbooks).build(), List.of())
                .withNotices(List.of("input larger than 1 MiB: the middle was cut", hostile));
        SlackMessage message = withLinks.render(card);
        GoldenFiles.assertMatches("triage-hostile.json", message);

        String shown = text(message);
        assertFalse(shown.contains("<!channel>") || shown.contains("<!subteam") || shown.contains("<!everyone>")
                || shown.contains("<https://evil"), shown);
        assertFalse(message.text().contains("<!channel>"));
        assertTrue(shown.contains("&lt;!channel&gt;"));
        assertTrue(shown.contains("(truncated)"), "the message says text was cut");
        List<String> texts = texts(message);
        for (String text : texts) {
            assertTrue(text.length() <= BlockText.MAX_TEXT, "text of " + text.length() + " chars: " + text);
        }
        JsonArray blocks = blocks(message);
        assertTrue(blocks.get(0).getAsJsonObject().getAsJsonObject("text").get("text").getAsString().length()
                <= BlockText.MAX_HEADER);
        for (JsonElement field : blocks.get(2).getAsJsonObject().getAsJsonArray("fields")) {
            assertTrue(field.getAsJsonObject().get("text").getAsString().length() <= BlockText.MAX_FIELD);
        }
        String evidence = texts.stream().filter(t -> t.startsWith("*Evidence*")).findFirst().orElseThrow();
        assertTrue(evidence.endsWith("…\n```"), evidence);
        assertEquals(2, evidence.split("```", -1).length - 1, "only the block's own fences: " + evidence);
        assertTrue(blocks(message).size() <= BlockText.MAX_BLOCKS);
        assertTrue(shown.contains("<https://git.example.com/runbooks/blob/main/runbooks/a%20b%7Cc%3E.md|&lt;!everyone&gt; runbook>"), shown);
    }

    @Test
    void a_routed_incident_mentions_the_on_call_group_beside_the_escalation_and_in_the_notification() throws Exception {
        var classified = Histories.classification("credential_expiry", 0.92, "SEV2", "after_fix", "finance on-call");
        Histories.evidence(classified, 1, "Authentication token has expired.", "credential_expiry");
        classified.putObject("routing").put("route", "finance pipelines").put("mention", "<!subteam^S0123ABCD|finance-oncall>")
                .put("label", "finance on-call").put("tier", 1).put("severity_floor", "SEV2");
        SlackMessage message = withLinks.render(IncidentCard.from(Histories.open(31, "finance_daily.load: token expired",
                "credential_expiry", "SEV2").event(EventKind.CLASSIFIED, TimelineEvent.BOT, "classified", classified).build(),
                List.of()));
        GoldenFiles.assertMatches("triage-routed.json", message);
        assertTrue(texts(message).contains("*Escalate to*\nfinance on-call\n<!subteam^S0123ABCD|finance-oncall>"), texts(message).toString());
        assertTrue(message.text().endsWith("safe to re-run: after fix — <!subteam^S0123ABCD|finance-oncall>"), message.text());
    }

    @Test
    void a_routed_channel_id_becomes_a_channel_link_and_a_stored_mention_of_everyone_is_never_shown() {
        var classified = Histories.classification("timeout", 0.8, "SEV3", "after_fix", "#payments-data");
        classified.putObject("routing").put("route", "payments").put("mention", "C0PAYMENTS1");
        assertTrue(text(withLinks.render(IncidentCard.from(Histories.open(32, "slow", "timeout", "SEV3")
                .event(EventKind.CLASSIFIED, TimelineEvent.BOT, "classified", classified).build(), List.of())))
                .contains("#payments-data\n<#C0PAYMENTS1>"));
        classified.putObject("routing").put("route", "tampered").put("mention", "<!channel>");
        SlackMessage tampered = withLinks.render(IncidentCard.from(Histories.open(33, "slow", "timeout", "SEV3")
                .event(EventKind.CLASSIFIED, TimelineEvent.BOT, "classified", classified).build(), List.of()));
        assertFalse(text(tampered).contains("<!channel>"), text(tampered));
    }

    @Test
    void runbook_paths_resolve_against_a_base_without_trailing_slash() {
        RunbookLinks links = new RunbookLinks(Optional.of(URI.create("https://git.example.com/runbooks/blob/main")));
        assertEquals("<https://git.example.com/runbooks/blob/main/runbooks/x.md|X>", links.mrkdwn("X", "runbooks/x.md"));
        assertEquals("<https://git.example.com/runbooks/blob/main/runbooks/x.md|X>", links.mrkdwn("X", "/runbooks/x.md"));
        assertEquals("<https://git.example.com/runbooks/x.md|X>",
                new RunbookLinks(Optional.of(URI.create("https://git.example.com"))).mrkdwn("X", "runbooks/x.md"));
    }

    @Test
    void notices_appear_as_context() {
        IncidentCard card = IncidentCard.from(Histories.credentialExpiry().build(), List.of())
                .withNotices(List.of("input larger than 1 MiB: the middle was cut"));
        assertTrue(texts(withLinks.render(card)).contains("input larger than 1 MiB: the middle was cut"));
    }

    /** All text of the message as Slack reads it (the JSON escapes {@code <} as {@code \u003c}). */
    static String text(SlackMessage message) {
        return String.join("\n", texts(message)) + "\n" + message.text();
    }

    static JsonArray blocks(SlackMessage message) {
        return JsonParser.parseString(message.blocksJson()).getAsJsonArray();
    }

    private static List<String> actionIds(SlackMessage message) {
        JsonArray blocks = blocks(message);
        JsonObject actions = blocks.get(blocks.size() - 1).getAsJsonObject();
        assertEquals("actions", actions.get("type").getAsString());
        assertEquals("incident_actions:INC-" + message.text().replaceAll("^INC-(\\d+).*", "$1"),
                actions.get("block_id").getAsString());
        List<String> ids = new ArrayList<>();
        for (JsonElement element : actions.getAsJsonArray("elements")) {
            ids.add(element.getAsJsonObject().get("action_id").getAsString());
        }
        return ids;
    }

    /** Every "text" string anywhere in the blocks. */
    static List<String> texts(SlackMessage message) {
        List<String> texts = new ArrayList<>();
        collect(blocks(message), texts);
        return texts;
    }

    private static void collect(JsonElement json, List<String> texts) {
        if (json.isJsonArray()) {
            json.getAsJsonArray().forEach(e -> collect(e, texts));
        } else if (json.isJsonObject()) {
            for (var entry : json.getAsJsonObject().entrySet()) {
                if (entry.getKey().equals("text") && entry.getValue().isJsonPrimitive()) {
                    texts.add(entry.getValue().getAsString());
                } else {
                    collect(entry.getValue(), texts);
                }
            }
        }
    }
}
