package dev.dataopsbot.knowledge.incident;

import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ValueSource;
import dev.dataopsbot.knowledge.testdb.TestStores;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@ParameterizedClass
@ValueSource(strings = {TestStores.SQLITE, TestStores.POSTGRESQL})
class SourceAlertStorageTest {

    @Parameter
    String engine;


    @TempDir
    Path temp;

    private IncidentDatabase db;
    private IncidentStore store;

    @BeforeEach
    void open() {
        db = TestStores.open(engine, temp);
        store = new IncidentStore(db, new SettableClock(Instant.parse("2026-11-25T03:12:10Z")));
    }

    @AfterEach
    void close() {
        if (db != null) {  // null when there is no PostgreSQL server and the test was skipped
            db.close();
        }
    }

    @Test
    void the_described_source_alert_is_stored_with_the_alert_and_read_back_in_order() {
        SourceAlert described = new SourceAlert("KafkaConsumerLagHigh",
                List.of(new SourceAlert.Label("consumergroup", "orders-sink"), new SourceAlert.Label("topic", "orders")),
                "Consumer group orders-sink is behind", "", List.of(
                        new SourceAlert.Link("Runbook", "https://runbooks.example.com/kafka-lag"),
                        new SourceAlert.Link("Query", "http://prometheus:9090/graph?g0.expr=x")));
        IncidentKey key = store.record(Alerts.kafkaTimeout("lag is high").withSourceAlert(described)).key();

        StoredAlert stored = store.history(key).alerts().get(0);

        assertEquals(Optional.of(described), stored.sourceAlert());
        assertEquals("orders-sink", stored.fields().at("/source_alert/labels/0/value").asText());
        assertEquals("kafka", stored.fields().path("system").asText(), "the parsed fields stay beside it");
    }

    @Test
    void an_alert_from_text_alone_has_no_source_alert() {
        IncidentKey key = store.record(Alerts.kafkaTimeout("lag is high").withSourceAlert(new SourceAlert("", null, null,
                null, null))).key();

        assertTrue(store.history(key).alerts().get(0).sourceAlert().isEmpty());
    }

    @Test
    void a_huge_description_is_capped_with_a_marker() {
        SourceAlert described = new SourceAlert("Big", List.of(), "", "x".repeat(50_000), List.of());
        IncidentKey key = store.record(Alerts.kafkaTimeout("lag").withSourceAlert(described)).key();

        String description = store.history(key).alerts().get(0).sourceAlert().orElseThrow().description();

        assertTrue(description.length() < 4_100, "capped: " + description.length());
        assertTrue(description.endsWith("more characters]"), description.substring(description.length() - 40));
    }
}
