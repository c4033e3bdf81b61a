package dev.dataopsbot.rules.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class RoutingTableTest {

    private final RoutingTable table = new RoutingParser().parse("routing.yaml", """
            routes:
              - name: finance ledger
                match:
                  system: [Snowflake]
                  entities: {table: "(?i)ledger\\\\..*"}
                notify: {mention: "<!subteam^S0FIN|finance-oncall>", label: finance on-call}
                tier: 1
              - name: finance dags
                match:
                  entities: {dag_id: "finance_.*"}
                notify: {mention: "#finance-data"}
                severity_floor: SEV3
              - name: labelled finance
                match:
                  labels: {team: "finance|fin-ops"}
                  severity: [SEV3, SEV4]
                notify: {mention: "<@U0FINLEAD>"}
                severity_floor: SEV1
              - name: kafka topics
                match:
                  entities: {topic: "payments\\\\..*"}
                notify: {label: payments team}
              - name: pii too
                match: {failure_mode: [pii_exposure]}
                notify: {label: privacy office}
            """).table();

    @Test
    void the_first_matching_route_wins() {
        RoutingFacts both = facts("credential_expiry", "SEV2",
                Map.of("system", "snowflake", "table", "LEDGER.entries", "dag_id", "finance_daily"), Map.of());
        assertEquals("finance ledger", routeName(both));
        RoutingFacts dagOnly = facts("credential_expiry", "SEV2", Map.of("system", "snowflake", "dag_id", "finance_daily"), Map.of());
        assertEquals("finance dags", routeName(dagOnly));
    }

    @Test
    void entity_patterns_match_the_whole_value() {
        assertEquals("finance dags", routeName(facts("timeout", "SEV3", Map.of("dag_id", "finance_x"), Map.of())));
        assertEquals("", routeName(facts("timeout", "SEV3", Map.of("dag_id", "old_finance_x"), Map.of())));
        assertEquals("", routeName(facts("timeout", "SEV3", Map.of("table", "LEDGER.entries", "system", "bigquery"), Map.of())));
    }

    @Test
    void labels_match_by_pattern_and_severity_by_the_rules_answer() {
        assertEquals("labelled finance", routeName(facts("timeout", "SEV3", Map.of(), Map.of("team", "fin-ops"))));
        assertEquals("", routeName(facts("timeout", "SEV2", Map.of(), Map.of("team", "finance"))), "SEV2 is not listed");
        assertEquals("", routeName(facts("timeout", "SEV3", Map.of(), Map.of("team", "finance-eu"))));
    }

    @Test
    void an_entity_the_text_does_not_yield_is_read_from_the_labels() {
        assertEquals("kafka topics", routeName(facts("upstream_lag", "SEV3", Map.of(), Map.of("topic", "payments.events"))));
    }

    @Test
    void unknown_and_pii_match_only_a_route_that_names_them() {
        assertEquals("", routeName(facts("unknown", "SEV4", Map.of("dag_id", "finance_daily"), Map.of())));
        assertEquals("pii too", routeName(facts("pii_exposure", "SEV1", Map.of("dag_id", "finance_daily"), Map.of())));
    }

    @Test
    void a_severity_floor_only_raises() {
        Route dags = table.routes().get(1);
        assertEquals("SEV3", dags.severity("SEV4"));
        assertEquals("SEV3", dags.severity("SEV3"));
        assertEquals("SEV2", dags.severity("SEV2"));
        assertEquals("SEV1", dags.severity("SEV1"));
    }

    @Test
    void tier_1_puts_a_sev2_floor_under_severity_unless_the_route_asks_for_more() {
        Route ledger = table.routes().get(0);
        assertEquals("SEV2", ledger.severity("SEV3"));
        assertEquals("SEV1", ledger.severity("SEV1"));
        Route strict = new Route("strict", 1, RouteCondition.ANY, Optional.empty(), "x", java.util.OptionalInt.of(1),
                Optional.of(dev.dataopsbot.rules.Severity.SEV1));
        assertEquals("SEV1", strict.severity("SEV3"));
        Route lenient = new Route("lenient", 1, RouteCondition.ANY, Optional.empty(), "x", java.util.OptionalInt.of(1),
                Optional.of(dev.dataopsbot.rules.Severity.SEV3));
        assertEquals("SEV2", lenient.severity("SEV4"), "a lower floor does not undo tier 1");
    }

    @Test
    void escalation_shows_the_label_else_the_mention_else_the_taxonomy() {
        assertEquals("finance on-call", table.routes().get(0).escalateTo("owning platform team"));
        assertEquals("#finance-data", table.routes().get(1).escalateTo("owning platform team"));
        assertEquals("payments team", table.routes().get(3).escalateTo("producing team"));
        Route tierOnly = new Route("t", 1, RouteCondition.ANY, Optional.empty(), "", java.util.OptionalInt.of(2), Optional.empty());
        assertEquals("producing team", tierOnly.escalateTo("producing team"));
    }

    @Test
    void no_routing_routes_nothing() {
        assertEquals(Optional.empty(), RoutingTable.none().route(facts("timeout", "SEV3", Map.of(), Map.of())));
    }

    private String routeName(RoutingFacts facts) {
        return table.route(facts).map(Route::name).orElse("");
    }

    private static RoutingFacts facts(String mode, String severity, Map<String, String> entities, Map<String, String> labels) {
        return new RoutingFacts(mode, severity, entities, labels);
    }

    @Test
    void the_table_above_is_valid() {
        assertEquals(5, table.routes().size());
        assertEquals(List.of("finance ledger", "finance dags", "labelled finance", "kafka topics", "pii too"),
                table.routes().stream().map(Route::name).toList());
    }
}
