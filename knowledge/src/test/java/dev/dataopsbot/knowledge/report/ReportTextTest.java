package dev.dataopsbot.knowledge.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.dataopsbot.knowledge.incident.Alerts;
import dev.dataopsbot.knowledge.incident.IncidentDatabase;
import dev.dataopsbot.knowledge.incident.IncidentLifecycle;
import dev.dataopsbot.knowledge.incident.IncidentStore;
import dev.dataopsbot.knowledge.incident.SettableClock;

class ReportTextTest {

    @TempDir
    Path temp;

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

    private String render(String since) {
        return new ReportText().render(new ReportBuilder(db).build(ReportWindow.parse(since, clock)));
    }

    @Test
    void the_history_renders_as_aligned_tables() {
        new IncidentHistory(new IncidentStore(db, clock), new IncidentLifecycle(db, clock, t -> t), clock).record();

        assertEquals("""
                Reliability report (7d): 2026-11-18 12:00 UTC to 2026-11-25 12:00 UTC

                7 incidents (2 unresolved), 10 alerts
                Time to acknowledge: median 4 min, p90 10 min (over 6)
                Time to resolve:     median 1 h 12 min, p90 2 d 3 h (over 5)

                By failure mode (TTA: time to acknowledge, by a person; TTR: time to resolve; p90 by nearest rank; SOURCE-CLOSED: closed by the source, never acknowledged)
                  FAILURE MODE       INCIDENTS  UNRESOLVED  SOURCE-CLOSED  TTA MEDIAN  TTA P90  TTR MEDIAN     TTR P90
                  credential_expiry          5           1              0       6 min   10 min         1 h     2 d 3 h
                  schema_drift               1           0              0       4 min    4 min  1 h 12 min  1 h 12 min
                  timeout                    1           1              0           —        —           —           —

                Rules: no incident in this window records the rule that decided it

                Noisiest alerts (top 10 fingerprints by alerts)
                  ALERTS  INCIDENTS  LAST SEEN             FINGERPRINT
                       3          1  2026-11-22 07:38 UTC  timeout system=kafka msg=request <n> to broker <n> timed out after <n> ms
                       1          1  2026-11-20 00:00 UTC  credential_expiry system=snowflake dag=orders task=load_a
                       1          1  2026-11-20 00:31 UTC  credential_expiry system=snowflake dag=orders task=load_b
                       1          1  2026-11-20 01:32 UTC  credential_expiry system=snowflake dag=orders task=load_c
                       1          1  2026-11-20 03:03 UTC  credential_expiry system=snowflake dag=orders task=load_d
                       1          1  2026-11-22 06:04 UTC  credential_expiry system=snowflake dag=orders task=load_e
                       1          1  2026-11-22 06:15 UTC  schema_drift system=dbt model=fct_payments
                       1          1  2026-11-22 07:33 UTC  timeout system=kafka msg=consumer lag on topic orders exceeded <n> messages

                Open incidents: 3 (oldest first)
                  KEY          AGE  STATUS        SEVERITY  FAILURE MODE       TITLE
                  INC-2  10 d 12 h  open          SEV3      timeout            timeout in kafka
                  INC-7    3 d 5 h  acknowledged  SEV2      credential_expiry  credential_expiry in snowflake: orders.load_e
                  INC-9    3 d 4 h  open          SEV3      timeout            timeout in kafka

                SEV1/SEV2 incidents: 6
                  KEY    SEVERITY  DETECTED              STATUS               TTR  TITLE
                  INC-8  SEV1      2026-11-22 06:15 UTC  resolved      1 h 12 min  schema_drift in dbt: fct_payments
                  INC-7  SEV2      2026-11-22 06:04 UTC  acknowledged           —  credential_expiry in snowflake: orders.load_e
                  INC-6  SEV2      2026-11-20 03:03 UTC  resolved         2 d 3 h  credential_expiry in snowflake: orders.load_d
                  INC-5  SEV2      2026-11-20 01:32 UTC  resolved      1 h 30 min  credential_expiry in snowflake: orders.load_c
                  INC-4  SEV2      2026-11-20 00:31 UTC  resolved             1 h  credential_expiry in snowflake: orders.load_b
                  INC-3  SEV2      2026-11-20 00:00 UTC  resolved          30 min  credential_expiry in snowflake: orders.load_a
                """, render("7d"));
    }

    /** Decided incidents in the 7-day window: 4 rules people confirmed or corrected, 20 nobody did. */
    private void decidedIncidents() {
        DecidedIncidents incidents = new DecidedIncidents(new IncidentStore(db, clock), new IncidentLifecycle(db, clock, t -> t));
        incidents.decided("rate_limit: http 429 too many requests", 1, 1, 1)
                .decided("timeout: read timed out", 0, 2, 0)
                .decided("catalogue http-status: 429", 1, 0, 0)
                .decided("team case TC-3", 2, 1, 0)
                .decided("credential_expiry: a rule whose name is much longer than the column it is shown in, cut", 0, 0, 3);
        for (int i = 1; i <= 19; i++) {
            incidents.decided(String.format("schema_drift: rule %02d", i), 0, 0, 1);
        }
        clock.advance(Duration.ofHours(1));
    }

    @Test
    void the_rules_section_lists_the_worst_twenty_rules_and_counts_the_rest() {
        decidedIncidents();

        String text = render("7d");

        String section = text.substring(text.indexOf("\nRules"), text.indexOf("\nNoisiest"));
        assertEquals("""

                Rules (what decided each incident; RIGHT, WRONG: the latest feedback on its decisions; worst first)
                  RULE                                                                    DECIDED  RIGHT  WRONG  PRECISION
                  timeout: read timed out                                                       2      0      2         0%
                  rate_limit: http 429 too many requests                                        3      1      1        50%
                  team case TC-3                                                                3      2      1        67%
                  catalogue http-status: 429                                                    1      1      0       100%
                  credential_expiry: a rule whose name is much longer than the column i…        3      0      0          -
                  schema_drift: rule 01                                                         1      0      0          -
                  schema_drift: rule 02                                                         1      0      0          -
                  schema_drift: rule 03                                                         1      0      0          -
                  schema_drift: rule 04                                                         1      0      0          -
                  schema_drift: rule 05                                                         1      0      0          -
                  schema_drift: rule 06                                                         1      0      0          -
                  schema_drift: rule 07                                                         1      0      0          -
                  schema_drift: rule 08                                                         1      0      0          -
                  schema_drift: rule 09                                                         1      0      0          -
                  schema_drift: rule 10                                                         1      0      0          -
                  schema_drift: rule 11                                                         1      0      0          -
                  schema_drift: rule 12                                                         1      0      0          -
                  schema_drift: rule 13                                                         1      0      0          -
                  schema_drift: rule 14                                                         1      0      0          -
                  schema_drift: rule 15                                                         1      0      0          -
                  … 4 more rules (report --json lists all)
                """, section);
    }

    @Test
    void slack_shows_only_the_three_least_precise_rules_that_feedback_confirmed_or_corrected() {
        decidedIncidents();

        String text = new ReportText(3, true).render(new ReportBuilder(db).build(ReportWindow.parse("7d", clock)));

        String section = text.substring(text.indexOf("\nLeast precise rules"), text.indexOf("\nNoisiest"));
        assertEquals("""

                Least precise rules (of those whose decisions feedback confirmed or corrected)
                  RULE                                    DECIDED  RIGHT  WRONG  PRECISION
                  timeout: read timed out                       2      0      2         0%
                  rate_limit: http 429 too many requests        3      1      1        50%
                  team case TC-3                                3      2      1        67%
                """, section);
        assertTrue(text.startsWith("Reliability report (7d)"), "the rest of the report is whole: " + text);
        assertTrue(text.contains("\nOpen incidents: "), text);
    }

    @Test
    void slack_says_so_in_one_line_when_feedback_confirmed_no_rule() {
        new DecidedIncidents(new IncidentStore(db, clock), new IncidentLifecycle(db, clock, t -> t))
                .decided("rate_limit: http 429 too many requests", 0, 0, 2);
        clock.advance(Duration.ofHours(1));

        String text = new ReportText(3, true).render(new ReportBuilder(db).build(ReportWindow.parse("7d", clock)));

        assertTrue(text.contains("\n\nRules: feedback has confirmed or corrected no rule's decision in this window\n\n"
                + "Noisiest alerts"), text);
        assertTrue(new ReportText().render(new ReportBuilder(db).build(ReportWindow.parse("7d", clock)))
                .contains("\n  rate_limit: http 429 too many requests        2      0      0          -\n"));
    }

    @Test
    void precision_is_a_whole_percent_that_reads_100_only_with_no_wrong_and_0_only_with_no_right() {
        assertEquals("-", ReportText.percent(new RulePrecision("r", 3, 0, 0)));
        assertEquals("67%", ReportText.percent(new RulePrecision("r", 3, 2, 1)));
        assertEquals("99%", ReportText.percent(new RulePrecision("r", 400, 399, 1)));
        assertEquals("1%", ReportText.percent(new RulePrecision("r", 400, 1, 399)));
        assertEquals("100%", ReportText.percent(new RulePrecision("r", 4, 4, 0)));
        assertEquals("0%", ReportText.percent(new RulePrecision("r", 4, 0, 4)));
    }

    @Test
    void an_empty_database_says_there_were_no_incidents_since_the_start_of_the_window() {
        assertEquals("""
                Reliability report (7d): 2026-10-25 00:00 UTC to 2026-11-01 00:00 UTC

                No incidents since 2026-10-25 00:00 UTC.

                Open incidents: none

                SEV1/SEV2 incidents: none
                """, render(null));
    }

    @Test
    void a_quiet_window_still_lists_incidents_left_open_before_it_and_their_new_alerts() {
        IncidentStore store = new IncidentStore(db, clock);
        store.record(Alerts.expiredToken("orders", "load"));
        clock.advance(Duration.ofDays(3));
        store.record(Alerts.expiredToken("orders", "load"));

        String text = render("2d");

        assertTrue(text.contains("\nNo incidents since 2026-11-02 00:00 UTC. 1 alert on earlier incidents.\n"), text);
        assertTrue(text.contains("\nOpen incidents: 1 (oldest first)\n"), text);
        assertTrue(text.contains("\n  INC-1  3 d  open    SEV2      credential_expiry"), text);
        assertTrue(text.contains("\n       1          1  2026-11-04 00:00 UTC  credential_expiry system=snowflake"), text);
    }

    @Test
    void long_or_multi_line_titles_are_shortened_to_one_line() {
        assertEquals("a b c", ReportText.shorten(" a\n b\t\u0007c ", 10));
        assertEquals("abcdefghi…", ReportText.shorten("abcdefghijkl", 10));
        assertEquals("abcdefghij", ReportText.shorten("abcdefghij", 10));
    }
}
