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
