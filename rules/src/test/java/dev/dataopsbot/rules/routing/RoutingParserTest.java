package dev.dataopsbot.rules.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

import dev.dataopsbot.rules.RuleProblem;
import dev.dataopsbot.rules.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RoutingParserTest {

    private static final String GOOD = """
            # finance first, then a fallback
            routes:
              - name: finance pipelines
                match:
                  failure_mode: [credential_expiry, permission_denied]
                  system: [snowflake]
                  entities: {dag_id: "finance_.*", table: "(?i)ledger\\\\..*"}
                  labels: {team: finance}
                  severity: [SEV1, SEV2]
                notify:
                  mention: "<!subteam^S0123ABCD|finance-oncall>"
                  label: finance on-call
                tier: 1
                severity_floor: SEV2
              - name: everything else
                notify:
                  mention: "#data-platform"
            """;

    private final RoutingParser parser = new RoutingParser();

    @Test
    void a_good_file_yields_its_routes_in_order() {
        RoutingParser.Result result = parser.parse("routing.yaml", GOOD);
        assertEquals(List.of(), result.problems());
        List<Route> routes = result.table().routes();
        assertEquals(2, routes.size());
        Route finance = routes.get(0);
        assertEquals("finance pipelines", finance.name());
        assertEquals(3, finance.line());
        assertEquals("<!subteam^S0123ABCD|finance-oncall>", finance.mention().orElseThrow().text());
        assertEquals(Mention.Kind.USER_GROUP, finance.mention().orElseThrow().kind());
        assertEquals("finance on-call", finance.label());
        assertEquals(OptionalInt.of(1), finance.tier());
        assertEquals(Optional.of(Severity.SEV2), finance.severityFloor());
        assertEquals(java.util.Set.of("credential_expiry", "permission_denied"), finance.when().failureModes());
        assertTrue(finance.when().entities().get("table").matcher("LEDGER.entries").matches());
        Route fallback = routes.get(1);
        assertEquals(RouteCondition.ANY, fallback.when());
        assertEquals("#data-platform", fallback.escalateTo("data platform"));
    }

    @Test
    void the_shipped_example_is_valid() throws IOException {
        Path example = Path.of("../examples/routing.yaml");
        RoutingParser.Result result = parser.parse(example.toString(), Files.readString(example));
        assertEquals(List.of(), result.problems());
        assertTrue(result.table().routes().size() >= 3, "the example shows several routes");
    }

    @Test
    void an_unknown_key_is_named_with_its_line() {
        assertProblem("""
                routes:
                  - name: finance
                    notify:
                      mentoin: "@finance-oncall"
                """, 4, "unknown key 'mentoin' in notify (known: mention, label)");
        assertProblem("""
                routes:
                  - name: finance
                    matches: {system: snowflake}
                    tier: 2
                """, 3, "unknown key 'matches' in a route (known: name, match, notify, tier, severity_floor)");
        assertProblem("""
                route:
                  - name: finance
                """, 1, "unknown key 'route' at the top level (known: routes)");
    }

    @Test
    void a_bad_regex_is_named_with_its_line() {
        assertProblem("""
                routes:
                  - name: finance
                    match:
                      entities:
                        dag_id: "finance_("
                    tier: 1
                """, 5, "invalid regex 'finance_(' for entities.dag_id: Unclosed group near index 9");
        assertProblem("""
                routes:
                  - name: finance
                    match:
                      labels: {team: "[fin"}
                    tier: 1
                """, 4, "invalid regex '[fin' for labels.team");
    }

    @Test
    void an_unknown_failure_mode_entity_or_severity_is_named_with_its_line() {
        assertProblem("""
                routes:
                  - name: finance
                    match:
                      failure_mode:
                        - credential_expiry
                        - cred_expiry
                    tier: 1
                """, 6, "unknown failure mode 'cred_expiry' (known: credential_expiry, permission_denied,");
        assertProblem("""
                routes:
                  - name: finance
                    match:
                      entities: {dagid: "finance_.*"}
                    tier: 1
                """, 4, "unknown entity 'dagid' (known: dag_id,");
        assertProblem("""
                routes:
                  - name: finance
                    match: {severity: [SEV1, sev2]}
                    tier: 1
                """, 3, "'severity' has severity 'sev2'; it must be one of SEV1, SEV2, SEV3, SEV4");
        assertProblem("""
                routes:
                  - name: finance
                    severity_floor: SEV5
                """, 3, "'severity_floor' has severity 'SEV5'; it must be one of SEV1, SEV2, SEV3, SEV4");
    }

    @Test
    void a_bad_mention_is_named_with_its_line() {
        assertProblem("""
                routes:
                  - name: finance
                    notify:
                      label: finance
                      mention: finance oncall
                """, 5, "mention 'finance oncall' is not a Slack mention; write one of <!subteam^S…|handle>");
        assertProblem("""
                routes:
                  - name: finance
                    notify: {mention: "<!here>"}
                """, 3, "mention '<!here>' would notify everyone in the channel");
        assertProblem("""
                routes:
                  - name: finance
                    notify: {mention: "<@U123|x> & <!channel>"}
                """, 3, "mention '<@U123|x> & <!channel>' is not a Slack mention");
    }

    @Test
    void other_mistakes_are_named_too() {
        assertProblem("routes:\n  - name: finance\n    tier: gold\n", 3,
                "tier must be a whole number from 1 (most critical) to 9; got 'gold'");
        assertProblem("routes:\n  - name: finance\n    match: {system: snowflake}\n", 2,
                "route 'finance' decides nothing: give it notify, tier or severity_floor");
        assertProblem("routes:\n  - match: {system: snowflake}\n    tier: 1\n", 2, "route without a name");
        assertProblem("routes:\n  - name: a\n    tier: 1\n  - name: a\n    tier: 2\n", 4,
                "route name 'a' is already used on line 2");
        assertProblem("routes:\n  - name: a\n    tier: 1\n    tier: 2\n", 4, "duplicate key 'tier'");
        assertProblem("routes:\n  - name: a\n    match: {failure_mode: []}\n    tier: 1\n", 3,
                "'failure_mode' must be a value or a non-empty list of values (remove it to match any)");
        assertProblem("routes: {name: a}\n", 1, "'routes' must be a list of routes");
        assertProblem("routes:\n  - name: a\n    tier: [1\n", 3,
                "not valid YAML: while parsing a flow sequence: expected ',' or ']', but got <stream end>");
        assertProblem("just text\n", 1, "a routing file is a mapping with a 'routes:' list");
    }

    @Test
    void every_problem_of_a_file_is_reported_and_none_of_its_routes_is_kept() {
        RoutingParser.Result result = parser.parse("routing.yaml", """
                routes:
                  - name: ok
                    tier: 1
                  - name: bad
                    severity_floor: SEV9
                    notify: {mentoin: "@x"}
                """);
        assertEquals(List.of(5, 6), result.problems().stream().map(RuleProblem::line).toList(), result.problems().toString());
        assertTrue(result.table().isEmpty());
    }

    @Test
    void loading_a_file_with_problems_throws_them_all(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("routing.yaml");
        Files.writeString(file, "routes:\n  - name: a\n    notify: {mention: nobody}\n");
        RoutingFileException e = assertThrows(RoutingFileException.class, () -> RoutingTable.load(file));
        assertEquals(1, e.problems().size());
        assertTrue(e.getMessage().startsWith(file + ":3: mention 'nobody'"), e.getMessage());
    }

    @Test
    void an_empty_routes_list_routes_nothing() {
        RoutingParser.Result result = parser.parse("routing.yaml", "routes:\n");
        assertEquals(List.of(), result.problems());
        assertTrue(result.table().isEmpty());
    }

    private void assertProblem(String yaml, int line, String messageStart) {
        RoutingParser.Result result = parser.parse("routing.yaml", yaml);
        String expected = "routing.yaml:" + line + ": " + messageStart;
        assertTrue(result.problems().stream().anyMatch(p -> p.toString().startsWith(expected)),
                "expected " + expected + " in " + result.problems());
        assertTrue(result.table().isEmpty(), "a file with problems routes nothing");
    }
}
