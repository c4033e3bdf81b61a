package dev.dataopsbot.bot.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code rules backtest} and {@code rules export} end to end: 40 public samples recorded into a real
 * SQLite store, one classification marked wrong, then candidate rule folders replayed against it.
 */
class RulesBacktestCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path SAMPLES = Path.of("../rules/src/test/resources/samples/triage-samples.jsonl");

    @TempDir
    static Path shared;
    static Path data;
    static Path copy;
    static String wrongIncident;

    @TempDir
    Path dir;

    @BeforeAll
    static void record40SamplesAndMarkOneRateLimitWrong() throws IOException, SQLException {
        data = shared.resolve("data");
        Path alerts = shared.resolve("s40.jsonl");
        Files.write(alerts, Files.readAllLines(SAMPLES).subList(0, 40));
        Cli.Run batch = Cli.run(Map.of(), new byte[0], "triage", "--batch", "--data-dir", data.toString(), alerts.toString());
        assertEquals(0, batch.exitCode(), batch.err());
        wrongIncident = incidentsWhere("failure_mode = 'rate_limit'").first();
        Cli.Run feedback = Cli.run("", "incident", "feedback", "--data-dir", data.toString(), wrongIncident, "wrong",
                "--mode", "dependency_unavailable");
        assertEquals(0, feedback.exitCode(), feedback.err());
        copy = shared.resolve("copy");
        Cli.Run export = Cli.run("", "rules", "export", copy.toString());
        assertEquals(0, export.exitCode(), export.err());
    }

    @Test
    void a_copy_of_the_bundled_rules_changes_nothing() throws IOException {
        Cli.Run run = backtest("--rules", copy.toString(), "--json");
        assertEquals(0, run.exitCode(), run.err());
        JsonNode out = JSON.readTree(run.out());
        assertEquals(40, out.get("alerts").asInt());
        assertEquals(0, out.get("changed").size(), out.get("changed").toString());
        assertEquals(0, out.get("redecided").size(), out.get("redecided").toString());
        assertEquals(out.get("baseline_pack").asText(), out.get("candidate_pack").asText(), "a copy has the bundled hash");
        assertEquals(1, out.at("/confirmed/alerts").asInt(), "the one confirmed classification");
        assertEquals(0, out.at("/confirmed/before/right").asInt(), "marked wrong, and its own team case is left out");
        for (JsonNode rule : out.get("rules")) {
            assertEquals(rule.get("fired_before").asInt(), rule.get("fired_after").asInt(), rule.toString());
        }
    }

    @Test
    void deleting_every_rate_limit_rule_lists_exactly_the_incidents_those_rules_decided() throws IOException, SQLException {
        Path candidate = exported("no-rate-limit");
        Path file = candidate.resolve("rate_limit.drl");
        Files.writeString(file, Files.readString(file).replaceAll("(?ms)^rule \".*?^end\\n?", ""));
        Set<String> decidedByThem = incidentsWhere("decided_rule LIKE 'rate_limit:%'");
        assertFalse(decidedByThem.isEmpty(), "the rate_limit rules decided some of the samples");

        Cli.Run run = backtest("--rules", candidate.toString(), "--json");
        assertEquals(0, run.exitCode(), run.err());
        JsonNode out = JSON.readTree(run.out());
        Set<String> listed = new TreeSet<>();
        for (String list : List.of("changed", "redecided")) {
            for (JsonNode change : out.get(list)) {
                listed.add(change.get("incident").asText());
                assertTrue(change.get("rule_before").asText().startsWith("rate_limit:"), change.toString());
                assertFalse(change.get("rule_after").asText("").startsWith("rate_limit:"), change.toString());
            }
        }
        assertEquals(decidedByThem, listed);
        assertNotEquals(out.get("baseline_pack").asText(), out.get("candidate_pack").asText());
        for (JsonNode rule : out.get("rules")) {
            if (rule.get("rule").asText().startsWith("rate_limit:")) {
                assertEquals(0, rule.get("fired_after").asInt(), rule.toString());
                assertTrue(rule.get("fired_before").asInt() > 0, rule.toString());
            }
        }

        Cli.Run text = backtest("--rules", candidate.toString());
        assertTrue(text.out().contains("against: the bundled rules now"), text.out());
        for (String incident : decidedByThem) {
            assertTrue(text.out().contains(incident + "  "), incident + " in " + text.out());
        }
    }

    @Test
    void the_report_counts_the_wrong_classification_against_the_rule_that_made_it() throws IOException, SQLException {
        String rule;
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + data.resolve("dataops.db"));
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT decided_rule FROM incident WHERE id = " + wrongIncident.substring(4))) {
            assertTrue(rs.next());
            rule = rs.getString(1);
        }
        assertTrue(rule.startsWith("rate_limit:") || rule.startsWith("catalogue "), rule);
        Cli.Run report = Cli.run("", "report", "--data-dir", data.toString(), "--since", "30d", "--json");
        assertEquals(0, report.exitCode(), report.err());
        JsonNode found = null;
        for (JsonNode r : JSON.readTree(report.out()).get("rules")) {
            if (r.get("rule").asText().equals(rule)) {
                found = r;
            }
        }
        assertTrue(found != null, rule + " in " + report.out());
        assertEquals(1, found.get("confirmed_wrong").asInt(), found.toString());
        assertEquals(0, found.get("confirmed_right").asInt(), found.toString());
        assertTrue(found.get("decided").asInt() >= 1);
        assertEquals(0.0, found.get("precision").asDouble(), 1e-9);
    }

    @Test
    void a_change_fails_the_gate_only_when_asked() throws IOException {
        Path extras = dir.resolve("extras");
        Files.createDirectories(extras);
        Files.writeString(extras.resolve("not-a-limit.drl"), """
                package team;
                import dev.dataopsbot.rules.LogLine;
                import dev.dataopsbot.rules.Demotion;

                rule "team: our vendor's 429 is no rate limit"
                when
                    $l : LogLine( lower contains "too many requests" )
                then
                    insert(new Demotion("rate_limit", "a vendor quirk", "the vendor answers 429 when it is down"));
                end
                """);
        Cli.Run report = backtest("--rules", extras.toString(), "--json");
        assertEquals(0, report.exitCode(), report.err());
        JsonNode out = JSON.readTree(report.out());
        assertTrue(out.get("changed").size() >= 1, out.toString());
        for (JsonNode change : out.get("changed")) {
            assertEquals("rate_limit", change.get("before").asText());
            assertNotEquals("rate_limit", change.get("after").asText());
        }
        int changes = out.get("changed").size();
        assertEquals(1, backtest("--rules", extras.toString(), "--fail-on-change").exitCode());
        assertEquals(1, backtest("--rules", extras.toString(), "--max-changes", String.valueOf(changes - 1)).exitCode());
        assertEquals(0, backtest("--rules", extras.toString(), "--max-changes", String.valueOf(changes)).exitCode());
        assertEquals(0, backtest("--rules", copy.toString(), "--fail-on-change").exitCode());
        Cli.Run both = backtest("--rules", copy.toString(), "--fail-on-change", "--max-changes", "3");
        assertEquals(2, both.exitCode());
        assertTrue(both.err().contains("not both"), both.err());
    }

    @Test
    void a_rule_folder_that_does_not_compile_gets_file_and_line_and_replays_nothing() throws IOException {
        Path candidate = exported("broken");
        Path file = candidate.resolve("timeout.drl");
        List<String> lines = Files.readAllLines(file);
        int when = lines.indexOf("when");
        lines.set(when + 1, "    $l : LogLine( lower contans \"x\" )");
        Files.write(file, lines);
        Cli.Run run = backtest("--rules", candidate.toString(), "--json");
        assertEquals(1, run.exitCode());
        assertTrue(run.err().startsWith(file + ":" + (when + 2) + ":"), run.err());
        assertTrue(run.err().contains("nothing was replayed"), run.err());
        assertEquals("", run.out());
    }

    @Test
    void without_rules_it_compares_the_rules_in_force_with_what_was_recorded() throws IOException {
        Cli.Run run = backtest("--json");
        assertEquals(0, run.exitCode(), run.err());
        JsonNode out = JSON.readTree(run.out());
        assertEquals("the decisions recorded when each alert arrived", out.get("baseline").asText());
        assertTrue(out.get("baseline_pack").isNull());
        assertEquals(0, out.get("changed").size(), "nothing changed since they were recorded: " + out.get("changed"));
        assertTrue(out.get("rules").get(0).get("fired_before").isNull(), "no rule counts are recorded");
    }

    @Test
    void a_labelled_case_file_is_scored_against_its_labels() throws IOException {
        Path cases = dir.resolve("team-cases.jsonl");
        Files.writeString(cases, """
                {"id": "t-1", "mode": "lock_contention", "text": "ERROR: deadlock detected\\nDETAIL: Process 4711 waits for ShareLock on transaction 9"}
                {"id": "t-2", "mode": "rate_limit", "text": "requests.exceptions.HTTPError: 429 Client Error: Too Many Requests for url: https://api.example.com/v2/items"}
                {"id": "t-3", "mode": "timeout", "text": "java.lang.OutOfMemoryError: Java heap space"}
                """);
        Cli.Run run = backtest("--cases", cases.toString(), "--json");
        assertEquals(0, run.exitCode(), run.err());
        JsonNode out = JSON.readTree(run.out());
        assertEquals(3, out.get("alerts").asInt());
        assertEquals(3, out.at("/confirmed/alerts").asInt());
        assertEquals(2, out.at("/confirmed/before/right").asInt(), out.get("confirmed").toString());
        assertEquals(2, out.at("/confirmed/after/right").asInt());
        assertEquals(0.6667, out.at("/confirmed/after/accuracy").asDouble(), 1e-9);

        Path candidate = exported("no-lock");
        Files.delete(candidate.resolve("lock_contention.drl"));
        JsonNode without = JSON.readTree(backtest("--cases", cases.toString(), "--rules", candidate.toString(), "--json").out());
        // the deadlock is still named, by the nearest cases now, or not at all: either way the backtest says who decides
        JsonNode t1 = without.at("/changed/0").isMissingNode() ? without.at("/redecided/0") : without.at("/changed/0");
        assertEquals("t-1", t1.get("case").asText(), without.toString());
        assertEquals("lock_contention: deadlock detected", t1.get("rule_before").asText());
        assertFalse(t1.get("rule_after").asText("").startsWith("lock_contention:"), t1.toString());

        Files.writeString(cases, "{\"id\": \"t-1\", \"mode\": \"sleepy\", \"text\": \"x\"}\n");
        Cli.Run bad = backtest("--cases", cases.toString());
        assertEquals(2, bad.exitCode());
        assertTrue(bad.err().contains(cases + ":1"), bad.err());
        assertEquals(2, backtest("--cases", cases.toString(), "--against", "recorded").exitCode());
    }

    @Test
    void a_data_folder_with_no_alerts_replays_nothing_and_says_so() throws IOException {
        Path empty = dir.resolve("empty");
        Cli.Run notice = Cli.run("DAG run orders_daily scheduled__2026-12-01 succeeded", "triage", "--data-dir", empty.toString(), "-");
        assertEquals(0, notice.exitCode(), notice.err());
        Cli.Run run = Cli.run("", "rules", "backtest", "--data-dir", empty.toString(), "--rules", copy.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("No alerts to replay"), run.out());
        Cli.Run json = Cli.run("", "rules", "backtest", "--data-dir", empty.toString(), "--json");
        assertEquals(0, JSON.readTree(json.out()).get("alerts").asInt());

        Cli.Run missing = Cli.run("", "rules", "backtest", "--data-dir", dir.resolve("nothing-here").toString());
        assertEquals(1, missing.exitCode());
        assertTrue(missing.err().contains("no incident database"), missing.err());
    }

    @Test
    void export_refuses_a_folder_that_is_not_empty_and_usage_errors_exit_2() {
        Cli.Run again = Cli.run("", "rules", "export", copy.toString());
        assertEquals(2, again.exitCode());
        assertTrue(again.err().contains("not an empty folder"), again.err());
        assertEquals(2, backtest("--rules", dir.resolve("nope").toString()).exitCode());
        assertEquals(2, backtest("--against", "yesterday").exitCode());
        assertEquals(2, backtest("--since", "a while").exitCode());
        assertEquals(2, backtest("--max-changes", "-1").exitCode());
        assertEquals(2, backtest("--threads", "-2").exitCode());
    }

    private static Cli.Run backtest(String... args) {
        String[] all = new String[args.length + 4];
        all[0] = "rules";
        all[1] = "backtest";
        all[2] = "--data-dir";
        all[3] = data.toString();
        System.arraycopy(args, 0, all, 4, args.length);
        return Cli.run("", all);
    }

    private Path exported(String name) {
        Path target = dir.resolve(name);
        Cli.Run export = Cli.run("", "rules", "export", target.toString());
        assertEquals(0, export.exitCode(), export.err());
        return target;
    }

    private static TreeSet<String> incidentsWhere(String condition) throws SQLException {
        TreeSet<String> keys = new TreeSet<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + data.resolve("dataops.db"));
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT id FROM incident WHERE " + condition + " ORDER BY id")) {
            while (rs.next()) {
                keys.add("INC-" + rs.getLong(1));
            }
        }
        return keys;
    }

    @SuppressWarnings("unused")
    private static Set<String> ids(JsonNode list, String field) {
        Set<String> ids = new HashSet<>();
        list.forEach(n -> ids.add(n.get(field).asText()));
        return ids;
    }
}
