package dev.dataopsbot.knowledge.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Instant;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.dataopsbot.knowledge.incident.IncidentDatabase;
import dev.dataopsbot.knowledge.incident.IncidentLifecycle;
import dev.dataopsbot.knowledge.incident.IncidentStore;
import dev.dataopsbot.knowledge.incident.SettableClock;

class ReportJsonTest {

    @TempDir
    Path temp;

    private final ObjectMapper mapper = new ObjectMapper();
    private final SettableClock clock = new SettableClock(Instant.parse("2026-11-01T00:00:00Z"));
    private IncidentDatabase db;

    @BeforeEach
    void open() {
        db = IncidentDatabase.open(temp);
    }

    @AfterEach
    void close() {
        db.close();
    }

    /** The report with lists cut at two, as compact JSON. */
    private String render() throws JsonProcessingException {
        ReliabilityReport report = new ReportBuilder(db, 2).build(ReportWindow.parse("7d", clock));
        return mapper.writeValueAsString(new ReportJson(mapper).render(report));
    }

    /** The expected JSON, written readably, in the same compact form (so 240 and 240L compare equal). */
    private String expected(String json) throws JsonProcessingException {
        return mapper.writeValueAsString(mapper.readTree(json));
    }

    @Test
    void the_history_renders_as_snake_case_json_with_seconds_and_utc_times() throws JsonProcessingException {
        new IncidentHistory(new IncidentStore(db, clock), new IncidentLifecycle(db, clock, t -> t), clock).record();

        assertEquals(expected("""
                {
                  "window": {"spec": "7d", "since": "2026-11-18T12:00:00.000Z", "until": "2026-11-25T12:00:00.000Z"},
                  "totals": {
                    "incidents": 7, "unresolved": 2, "closed_by_source_unacknowledged": 0, "alerts": 10,
                    "time_to_acknowledge": {"measured": 6, "median_seconds": 240, "p90_seconds": 600},
                    "time_to_resolve": {"measured": 5, "median_seconds": 4320, "p90_seconds": 183600}
                  },
                  "failure_modes": [
                    {"failure_mode": "credential_expiry", "incidents": 5, "unresolved": 1, "closed_by_source_unacknowledged": 0,
                     "time_to_acknowledge": {"measured": 5, "median_seconds": 360, "p90_seconds": 600},
                     "time_to_resolve": {"measured": 4, "median_seconds": 3600, "p90_seconds": 183600}},
                    {"failure_mode": "schema_drift", "incidents": 1, "unresolved": 0, "closed_by_source_unacknowledged": 0,
                     "time_to_acknowledge": {"measured": 1, "median_seconds": 240, "p90_seconds": 240},
                     "time_to_resolve": {"measured": 1, "median_seconds": 4320, "p90_seconds": 4320}},
                    {"failure_mode": "timeout", "incidents": 1, "unresolved": 1, "closed_by_source_unacknowledged": 0,
                     "time_to_acknowledge": {"measured": 0, "median_seconds": null, "p90_seconds": null},
                     "time_to_resolve": {"measured": 0, "median_seconds": null, "p90_seconds": null}}
                  ],
                  "rules": [],
                  "noisiest_fingerprints": [
                    {"fingerprint": "timeout system=kafka msg=request <n> to broker <n> timed out after <n> ms",
                     "incidents": 1, "alerts": 3, "last_seen": "2026-11-22T07:38:00.000Z"},
                    {"fingerprint": "credential_expiry system=snowflake dag=orders task=load_a",
                     "incidents": 1, "alerts": 1, "last_seen": "2026-11-20T00:00:00.000Z"},
                    {"fingerprint": "credential_expiry system=snowflake dag=orders task=load_b",
                     "incidents": 1, "alerts": 1, "last_seen": "2026-11-20T00:31:00.000Z"},
                    {"fingerprint": "credential_expiry system=snowflake dag=orders task=load_c",
                     "incidents": 1, "alerts": 1, "last_seen": "2026-11-20T01:32:00.000Z"},
                    {"fingerprint": "credential_expiry system=snowflake dag=orders task=load_d",
                     "incidents": 1, "alerts": 1, "last_seen": "2026-11-20T03:03:00.000Z"},
                    {"fingerprint": "credential_expiry system=snowflake dag=orders task=load_e",
                     "incidents": 1, "alerts": 1, "last_seen": "2026-11-22T06:04:00.000Z"},
                    {"fingerprint": "schema_drift system=dbt model=fct_payments",
                     "incidents": 1, "alerts": 1, "last_seen": "2026-11-22T06:15:00.000Z"},
                    {"fingerprint": "timeout system=kafka msg=consumer lag on topic orders exceeded <n> messages",
                     "incidents": 1, "alerts": 1, "last_seen": "2026-11-22T07:33:00.000Z"}
                  ],
                  "open_incidents": {"total": 3, "incidents": [
                    {"key": "INC-2", "title": "timeout in kafka", "failure_mode": "timeout", "severity": "SEV3",
                     "status": "open", "detected_at": "2026-11-15T00:00:00.000Z", "age_seconds": 907200},
                    {"key": "INC-7", "title": "credential_expiry in snowflake: orders.load_e",
                     "failure_mode": "credential_expiry", "severity": "SEV2", "status": "acknowledged",
                     "detected_at": "2026-11-22T06:04:00.000Z", "age_seconds": 280560}
                  ]},
                  "sev1_sev2_incidents": {"total": 6, "incidents": [
                    {"key": "INC-8", "severity": "SEV1", "title": "schema_drift in dbt: fct_payments", "status": "resolved",
                     "detected_at": "2026-11-22T06:15:00.000Z", "time_to_resolve_seconds": 4320},
                    {"key": "INC-7", "severity": "SEV2", "title": "credential_expiry in snowflake: orders.load_e",
                     "status": "acknowledged", "detected_at": "2026-11-22T06:04:00.000Z", "time_to_resolve_seconds": null}
                  ]}
                }
                """), render());
    }

    @Test
    void every_rule_is_listed_worst_first_with_its_counts_and_precision() throws JsonProcessingException {
        DecidedIncidents incidents = new DecidedIncidents(new IncidentStore(db, clock), new IncidentLifecycle(db, clock, t -> t));
        incidents.decided("rate_limit: http 429 too many requests", 1, 1, 1)
                .decided("team case TC-3", 2, 1, 0)
                .decided(null, 1, 1, 0);
        for (int i = 1; i <= 25; i++) {
            incidents.decided(String.format("schema_drift: rule %02d", i), 0, 0, 1);
        }
        clock.advance(java.time.Duration.ofHours(1));

        JsonNode rules = mapper.readTree(render()).get("rules");

        assertEquals(27, rules.size(), "the JSON lists every rule");
        assertEquals(expected("""
                {"rule": "rate_limit: http 429 too many requests", "decided": 3, "confirmed_right": 1,
                 "confirmed_wrong": 1, "precision": 0.5}"""), mapper.writeValueAsString(rules.get(0)));
        assertEquals(expected("""
                {"rule": "team case TC-3", "decided": 3, "confirmed_right": 2, "confirmed_wrong": 1, "precision": 0.667}"""),
                mapper.writeValueAsString(rules.get(1)));
        assertEquals(expected("""
                {"rule": "schema_drift: rule 25", "decided": 1, "confirmed_right": 0, "confirmed_wrong": 0, "precision": null}"""),
                mapper.writeValueAsString(rules.get(26)));
    }

    @Test
    void an_empty_database_renders_zeros_nulls_and_empty_lists() throws JsonProcessingException {
        assertEquals(expected("""
                {
                  "window": {"spec": "7d", "since": "2026-10-25T00:00:00.000Z", "until": "2026-11-01T00:00:00.000Z"},
                  "totals": {
                    "incidents": 0, "unresolved": 0, "closed_by_source_unacknowledged": 0, "alerts": 0,
                    "time_to_acknowledge": {"measured": 0, "median_seconds": null, "p90_seconds": null},
                    "time_to_resolve": {"measured": 0, "median_seconds": null, "p90_seconds": null}
                  },
                  "failure_modes": [],
                  "rules": [],
                  "noisiest_fingerprints": [],
                  "open_incidents": {"total": 0, "incidents": []},
                  "sev1_sev2_incidents": {"total": 0, "incidents": []}
                }
                """), render());
    }
}
