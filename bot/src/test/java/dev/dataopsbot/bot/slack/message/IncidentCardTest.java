package dev.dataopsbot.bot.slack.message;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.dataopsbot.knowledge.incident.AlertReport;
import dev.dataopsbot.knowledge.incident.IncidentDatabase;
import dev.dataopsbot.knowledge.incident.IncidentKey;
import dev.dataopsbot.knowledge.incident.IncidentLifecycle;
import dev.dataopsbot.knowledge.incident.IncidentStatus;
import dev.dataopsbot.knowledge.incident.IncidentStore;
import dev.dataopsbot.knowledge.similar.SimilarIncident;

class IncidentCardTest {

    @Test
    void the_re_run_reason_and_every_rule_of_a_line_reach_the_message_through_the_real_store(@TempDir Path dir) {
        Clock clock = Clock.fixed(Histories.DETECTED, ZoneOffset.UTC);
        try (IncidentDatabase db = IncidentDatabase.open(dir)) {
            IncidentStore store = new IncidentStore(db, clock);
            String line = "250001 (08001): Failed to connect to DB. Incorrect username or password was specified.";
            IncidentKey key = store.record(new AlertReport("slack", line, "loader: login refused", "credential_expiry", 0.9,
                    "SEV2", "no", "data-platform", List.of(), Map.of("system", "snowflake"), List.of(
                            new AlertReport.EvidenceLine(3, line, "credential_expiry: wrong password", "credential_expiry"),
                            new AlertReport.EvidenceLine(3, line, "catalogue snowflake-error-codes: 250001", "credential_expiry")),
                    List.of(), null, "C1", "1.2", null, "repeated failed logins can lock the account", null, null)).key();

            IncidentCard card = IncidentCard.from(store.history(key), List.of());
            assertEquals(List.of(new IncidentCard.EvidenceLine(3, line,
                    List.of("credential_expiry: wrong password", "catalogue snowflake-error-codes: 250001"))), card.evidence());
            String blocks = new TriageMessage(java.util.Optional.empty()).render(card).blocksJson();
            assertTrue(blocks.contains("*Safe to re-run*\\nno — repeated failed logins can lock the account"), blocks);
            assertEquals(1, blocks.split("L3: ", -1).length - 1, "the line is shown once: " + blocks);
            assertTrue(blocks.contains("credential_expiry: wrong password; catalogue snowflake-error-codes: 250001"), blocks);
        }
    }

    @Test
    void a_stored_non_failure_reads_not_applicable_in_slack() {
        var classified = Histories.classification("unknown", 0.9, "SEV4", "no", "");
        classified.put("safe_to_retry_reason", "not applicable: nothing failed");
        assertEquals("not applicable (nothing failed)",
                new dev.dataopsbot.bot.triage.ReRunAdvice(classified.path("safe_to_retry").asText(),
                        classified.path("safe_to_retry_reason").asText()).text());
    }

    @Test
    void reads_a_timeline_written_by_the_real_store_and_lifecycle(@TempDir Path dir) {
        Clock clock = Clock.fixed(Histories.DETECTED, ZoneOffset.UTC);
        try (IncidentDatabase db = IncidentDatabase.open(dir)) {
            IncidentStore store = new IncidentStore(db, clock);
            IncidentLifecycle lifecycle = new IncidentLifecycle(db, clock, UnaryOperator.identity());
            IncidentKey key = store.record(new AlertReport("slack", "token has expired", "load_orders: token expired",
                    "credential_expiry", 0.92, "SEV2", "after_fix", "data-platform", List.of("timeout"),
                    Map.of("system", "snowflake"), List.of(
                            new AlertReport.EvidenceLine(9, "Read timed out", "timeout: read", "timeout"),
                            new AlertReport.EvidenceLine(14, "token has expired", "credential_expiry: token", "credential_expiry")),
                    List.of(new AlertReport.SuggestedRunbook("credential-expiry", "Expired credentials",
                            "runbooks/credential-expiry.md", 7.1, "Rotate the key")),
                    null, "C1", "1.2")).key();
            lifecycle.acknowledge(key, "U0ALICE");
            lifecycle.feedback(key, false, "permission_denied", "it was a grant", "U0CAROL");
            lifecycle.resolve(key, "Granted USAGE again.", "U0BOB");

            IncidentCard card = IncidentCard.from(store.history(key), List.of());

            assertEquals(IncidentStatus.RESOLVED, card.incident().status());
            assertEquals(0.92, card.confidence());
            assertEquals("after_fix", card.safeToRetry());
            assertEquals("data-platform", card.escalateTo());
            assertEquals(List.of(new IncidentCard.EvidenceLine(14, "token has expired", List.of("credential_expiry: token"))), card.evidence());
            assertEquals(List.of(new IncidentCard.RunbookLink("credential-expiry", "Expired credentials",
                    "runbooks/credential-expiry.md", "")), card.runbooks());
            assertEquals("U0ALICE", card.acknowledgedBy());
            assertEquals(new IncidentCard.Resolution("U0BOB", "Granted USAGE again."), card.resolution());
            assertEquals(new IncidentCard.Correction("permission_denied", "U0CAROL", "it was a grant"), card.correction());
        }
    }

    @Test
    void the_nearest_cases_of_the_classification_are_shown_beside_the_evidence(@TempDir Path dir) {
        Clock clock = Clock.fixed(Histories.DETECTED, ZoneOffset.UTC);
        try (IncidentDatabase db = IncidentDatabase.open(dir)) {
            IncidentStore store = new IncidentStore(db, clock);
            AlertReport.Decision decision = new AlertReport.Decision("team case", "the team's case TC-1 is a near-duplicate",
                    List.of(new AlertReport.NearestCase("TC-1", "team", "config_error", 0.81,
                                    "ERROR ZX-4410 tenant mapping rejected", "corrected by U123 on INC-9", true),
                            new AlertReport.NearestCase("dagster-002", "dagster", "config_error", 0.42,
                                    "DagsterInvalidConfigError: Error in config", "https://github.com/dagster-io/dagster/issues/1", false)));
            IncidentKey key = store.record(new AlertReport("cli", "ERROR ZX-4410 tenant mapping rejected", "inhouse: ZX-4410",
                    "config_error", 0.91, "SEV3", "after_fix", "data platform", List.of(), Map.of(), List.of(), List.of(),
                    null, null, null, decision)).key();

            IncidentCard card = IncidentCard.from(store.history(key), List.of());
            assertEquals(2, card.nearest().size());
            assertEquals(new IncidentCard.NearestCase("TC-1", "config_error", "team", 0.81, "corrected by U123 on INC-9", true,
                    "ERROR ZX-4410 tenant mapping rejected"), card.nearest().get(0));

            String blocks = new TriageMessage(java.util.Optional.empty()).render(card).blocksJson();
            assertTrue(blocks.contains("*Nearest cases*"), blocks);
            assertTrue(blocks.contains("`TC-1` config_error (team, similarity 0.81) · corrected by U123 on INC-9"), blocks);
            assertTrue(blocks.contains("`dagster-002` config_error (dagster, similarity 0.42)"), blocks);
            assertTrue(!blocks.contains("github.com/dagster-io"), "a bundled case's URL is in the JSON, not in Slack");
        }
    }

    @Test
    void shows_at_most_three_evidence_lines_of_the_classified_mode() {
        IncidentCard card = IncidentCard.from(Histories.credentialExpiry().build(), List.of());
        assertEquals(List.of(14, 15, 16), card.evidence().stream().map(IncidentCard.EvidenceLine::line).toList());
    }

    @Test
    void a_reopened_incident_forgets_its_acknowledgement_and_resolution() {
        IncidentCard card = IncidentCard.from(Histories.credentialExpiry().acknowledged("U1").resolved("U2", "fixed")
                .reopened().build(), List.of());
        assertNull(card.acknowledgedBy());
        assertNull(card.resolution());
    }

    @Test
    void feedback_that_the_classification_was_right_is_no_correction() {
        IncidentCard card = IncidentCard.from(Histories.credentialExpiry().feedback("U1", true, null, "spot on").build(),
                List.of());
        assertNull(card.correction());
    }

    @Test
    void the_incident_itself_is_not_among_its_similar_incidents() {
        SimilarIncident itself = new SimilarIncident(new IncidentKey(12), "same", "credential_expiry", "fixed", 5, 9.0);
        IncidentCard card = IncidentCard.from(Histories.credentialExpiry().build(),
                List.of(itself, Histories.similar().get(0)));
        assertEquals(List.of(Histories.similar().get(0)), card.similar());
    }

    @Test
    void notices_are_added_without_changing_the_rest() {
        IncidentCard card = IncidentCard.from(Histories.credentialExpiry().build(), Histories.similar());
        IncidentCard noticed = card.withNotices(List.of("input larger than 1 MiB: the middle was cut"));
        assertEquals(List.of("input larger than 1 MiB: the middle was cut"), noticed.notices());
        assertEquals(card, noticed.withNotices(List.of()));
    }
}
