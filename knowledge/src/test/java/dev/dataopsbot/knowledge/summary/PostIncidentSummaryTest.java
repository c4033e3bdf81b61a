package dev.dataopsbot.knowledge.summary;

import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ValueSource;
import dev.dataopsbot.knowledge.testdb.TestStores;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.dataopsbot.knowledge.incident.AlertReport;
import dev.dataopsbot.knowledge.incident.EventKind;
import dev.dataopsbot.knowledge.incident.IncidentDatabase;
import dev.dataopsbot.knowledge.incident.IncidentHistory;
import dev.dataopsbot.knowledge.incident.IncidentKey;
import dev.dataopsbot.knowledge.incident.IncidentLifecycle;
import dev.dataopsbot.knowledge.incident.IncidentNotFoundException;
import dev.dataopsbot.knowledge.incident.IncidentStore;
import dev.dataopsbot.knowledge.incident.SettableClock;
import dev.dataopsbot.knowledge.similar.SimilarIncident;

/**
 * Summaries of incidents played through a real SQLite store, compared with golden files in
 * {@code src/test/resources/summary/}. Regenerate them after an intended change with
 * {@code mvn -B -o test -pl knowledge -Dtest=PostIncidentSummaryTest -Dgolden.update=true}
 * and read the diff before committing.
 */
@ParameterizedClass
@ValueSource(strings = {TestStores.SQLITE, TestStores.POSTGRESQL})
class PostIncidentSummaryTest {

    @Parameter
    String engine;


    private static final List<String> SECTIONS = List.of("Summary", "Impact", "Detection", "Root cause",
            "Trigger and source", "Response timeline", "Resolution", "Metrics", "Action items", "Runbooks suggested",
            "Repeated alerts", "Linked and similar past incidents");

    @TempDir
    Path temp;

    private final SettableClock clock = new SettableClock(IncidentScenes.PREVIOUS_START);
    private final PostIncidentSummary summary = new PostIncidentSummary();
    private IncidentDatabase db;
    private IncidentStore store;
    private IncidentLifecycle lifecycle;
    private IncidentScenes scenes;

    @BeforeEach
    void open() {
        db = TestStores.open(engine, temp);
        store = new IncidentStore(db, clock);
        lifecycle = new IncidentLifecycle(db, clock, text -> text);
        scenes = new IncidentScenes(store, lifecycle, clock);
    }

    @AfterEach
    void close() {
        if (db != null) {  // null when there is no PostgreSQL server and the test was skipped
            db.close();
        }
    }

    @Test
    void a_resolved_incident_renders_every_section_as_in_its_golden_file() throws Exception {
        IncidentKey key = scenes.resolvedWithEverything();
        List<SimilarIncident> similar = List.of(
                new SimilarIncident(new IncidentKey(1), "credential_expiry in snowflake: orders_daily.load_orders",
                        "credential_expiry", "Rotated the svc_airflow key pair", 31, 7.5),
                new SimilarIncident(key, "the incident itself, as a search may return it", "credential_expiry",
                        "", 72, 9.9),
                new SimilarIncident(new IncidentKey(7), "Snowflake JWT expired for dbt | prod",
                        "credential_expiry", "Re-issued the JWT\nand restarted the dbt Cloud job", 95, 8.25));

        String markdown = summary.render(store.history(key), similar);

        assertEquals(SECTIONS, headings(markdown));
        GoldenFiles.assertMatches("resolved-incident.md", markdown);
    }

    @Test
    void a_just_opened_incident_says_what_is_unknown_and_leaves_out_empty_sections() throws Exception {
        clock.advance(Duration.between(IncidentScenes.PREVIOUS_START, IncidentScenes.START));
        IncidentKey key = scenes.justOpened();

        String markdown = summary.render(store.history(key), List.of());

        assertEquals(List.of("Summary", "Impact", "Detection", "Root cause", "Trigger and source",
                "Response timeline", "Resolution", "Metrics", "Action items"), headings(markdown));
        GoldenFiles.assertMatches("open-incident.md", markdown);
    }

    @Test
    void recording_that_a_summary_was_generated_does_not_change_the_next_summary() {
        IncidentKey key = scenes.resolvedWithEverything();
        String first = summary.render(store.history(key), List.of());

        lifecycle.summaryGenerated(key, "summaries/INC-2.md", "U07ALICE");
        clock.advance(Duration.ofHours(3));
        lifecycle.summaryGenerated(key, "summaries/INC-2.md", "U08BOB");
        IncidentHistory again = store.history(key);

        assertTrue(again.timeline().stream().anyMatch(e -> e.kind() == EventKind.SUMMARY_GENERATED));
        assertEquals(first, summary.render(again, List.of()));
    }

    @Test
    void the_title_is_the_incident_and_each_evidence_line_is_one_row_with_all_its_rules() {
        String line = "[2026-11-25 03:12:09] {taskinstance.py:2731} ERROR - Task failed with exit code 1";
        AlertReport report = new AlertReport("cli", line, "unknown: " + line, "timeout", 0.7, "SEV3", "yes", "platform team",
                List.of(), java.util.Map.of(),
                List.of(new AlertReport.EvidenceLine(1, line, "timeout: task timed out", "timeout"),
                        new AlertReport.EvidenceLine(1, line, "catalogue python-exceptions: TimeoutError", "timeout"),
                        new AlertReport.EvidenceLine(4, "Timeout, PID: 48213", "timeout: task timed out", "timeout")),
                List.of(), null, null, null);
        IncidentKey key = store.record(report).key();

        String markdown = summary.render(store.history(key), List.of());

        assertTrue(markdown.startsWith("# " + key + ": unknown: Task failed with exit code 1\n"), markdown);
        assertTrue(markdown.contains("| 1 | " + line + " | timeout: task timed out; "
                + "catalogue python-exceptions: TimeoutError | timeout |"), markdown);
        assertEquals(1, markdown.lines().filter(l -> l.startsWith("| 1 |")).count(), markdown);
        assertTrue(markdown.contains("`dataops-bot incident note " + key + " --impact"), markdown);
    }

    @Test
    void markdown_in_user_text_stays_inside_its_table_cell_or_list_item() throws Exception {
        clock.advance(Duration.between(IncidentScenes.PREVIOUS_START, IncidentScenes.START));
        IncidentKey key = scenes.justOpened();
        String hostile = "a | b || c\\|d\n# heading\n\n```\nfenced\n```\n- list\n1. ordered\n> quote\n"
                + "<details><summary>x</summary>\n---\n[ref]: http://example.com\n    indented `code` here\\";
        lifecycle.note(key, hostile, true, "U|1");
        lifecycle.note(key, hostile, false, "U|1");
        lifecycle.actionItem(key, hostile, "owner | with pipe\nand a line", "U|1");
        lifecycle.resolve(key, hostile, "U|1");

        String markdown = summary.render(store.history(key), List.of(new SimilarIncident(
                new IncidentKey(9), "# title | with pipe", "timeout", hostile, 5, 1.0)));

        assertEquals(List.of("Summary", "Impact", "Detection", "Root cause", "Trigger and source",
                "Response timeline", "Resolution", "Metrics", "Action items", "Linked and similar past incidents"),
                headings(markdown), "no heading but the sections'");
        for (String line : markdown.split("\n")) {
            if (line.startsWith("|")) {
                assertTrue(line.endsWith(" |") || line.matches("\\|(---\\|)+"), line);
            }
        }
        assertEquals(List.of(4), columnCounts(markdown, "Response timeline"));
        assertEquals(List.of(5), columnCounts(markdown, "Action items"));
        assertEquals(List.of(5), columnCounts(markdown, "Linked and similar past incidents"));
        for (String section : List.of("Impact", "Resolution")) {
            for (String line : sectionLines(markdown, section)) {
                boolean continuation = line.startsWith("  ");
                assertFalse(continuation && startsWithBlockMarker(line.substring(2)) && line.charAt(2) != '\\',
                        "a continuation line starts a block: " + line);
                assertTrue(continuation || line.isEmpty() || line.startsWith("- ") || line.endsWith(":")
                        || line.startsWith("Not resolved"), "outside any item: " + line);
            }
        }
        assertEquals(2, markdown.lines().filter(l -> l.startsWith("```")).count(), "only the alert excerpt is fenced");
        assertFalse(Pattern.compile("(?m)(^|[^\\\\])<[A-Za-z/!?]").matcher(markdown.replace("<br>", ""))
                .find(), "no HTML but the summary's own <br>");
        GoldenFiles.assertMatches("hostile-input.md", markdown);
    }

    @Test
    void a_reopened_incident_lists_both_resolutions_and_the_reopening_and_is_fixed_by_the_last() {
        clock.advance(Duration.between(IncidentScenes.PREVIOUS_START, IncidentScenes.START));
        IncidentKey key = scenes.justOpened();
        lifecycle.resolve(key, "Restarted the consumer", "U07ALICE");
        clock.advance(Duration.ofMinutes(30));
        lifecycle.reopen(key, "timed out again", "U08BOB");
        clock.advance(Duration.ofMinutes(10));
        lifecycle.resolve(key, "Raised the broker request timeout", "U07ALICE");

        String markdown = summary.render(store.history(key), List.of());

        assertTrue(markdown.contains("- **Status:** resolved (reopened once)\n"), markdown);
        assertTrue(markdown.contains("- **Fixed by:** Raised the broker request timeout\n"), markdown);
        assertTrue(markdown.contains("- **Duration:** 40 min, "), markdown);
        assertEquals(List.of("- **Resolved** 2026-11-25 03:12:10 UTC by U07ALICE: Restarted the consumer",
                "- **Reopened** 2026-11-25 03:42:10 UTC by U08BOB: timed out again",
                "- **Resolved** 2026-11-25 03:52:10 UTC by U07ALICE: Raised the broker request timeout"),
                sectionLines(markdown, "Resolution").stream().filter(l -> l.startsWith("- ")).toList());
    }

    @Test
    void loading_an_unknown_incident_names_the_key() {
        IncidentNotFoundException e = assertThrows(IncidentNotFoundException.class,
                () -> store.history(new IncidentKey(42)));
        assertTrue(e.getMessage().contains("INC-42"), e.getMessage());
    }

    /** The {@code ## } headings, in order, outside fenced blocks. */
    private static List<String> headings(String markdown) {
        List<String> headings = new ArrayList<>();
        boolean fenced = false;
        for (String line : markdown.split("\n")) {
            if (line.startsWith("```")) {
                fenced = !fenced;
            } else if (!fenced && line.startsWith("#") && !line.startsWith("# INC-")) {
                headings.add(line.startsWith("## ") ? line.substring(3) : line);
            }
        }
        return headings;
    }

    private static List<String> sectionLines(String markdown, String section) {
        int start = markdown.indexOf("\n## " + section + "\n");
        int end = markdown.indexOf("\n## ", start + 1);
        return markdown.substring(start + section.length() + 5, end < 0 ? markdown.length() : end).lines().toList();
    }

    /** The distinct numbers of cells of the table rows in a section, counting only unescaped pipes. */
    private static List<Integer> columnCounts(String markdown, String section) {
        return sectionLines(markdown, section).stream().filter(l -> l.startsWith("|"))
                .map(PostIncidentSummaryTest::unescapedPipes).map(n -> n - 1).distinct().toList();
    }

    private static int unescapedPipes(String row) {
        int pipes = 0;
        int backslashes = 0;
        for (char c : row.toCharArray()) {
            if (c == '|' && backslashes % 2 == 0) {
                pipes++;
            }
            backslashes = c == '\\' ? backslashes + 1 : 0;
        }
        return pipes;
    }

    private static boolean startsWithBlockMarker(String line) {
        return line.isEmpty() || "#>-+*=`~_[<| ".indexOf(line.charAt(0)) >= 0 || line.matches("\\d+[.)].*");
    }
}
