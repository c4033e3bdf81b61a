package dev.dataopsbot.bot.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;

import dev.dataopsbot.bot.bench.AlertmanagerPayloads;
import dev.dataopsbot.bot.fake.FakeSlackApi;
import dev.dataopsbot.knowledge.incident.IncidentKey;
import dev.dataopsbot.rules.routing.RoutingParser;
import dev.dataopsbot.rules.routing.RoutingTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A routing file in {@code serve}: the Alertmanager alert's own labels choose the route, the Slack message mentions who it names. */
class RoutedAlertsTest {

    private static final String TOKEN = "hook-token-routing";
    private static final String DATA_ONCALL = "<!subteam^S0DATA|data-oncall>";
    private static final RoutingTable ROUTING = new RoutingParser().parse("routing.yaml", """
            routes:
              - name: data namespace
                match:
                  labels: {namespace: data, cluster: "prod-.*"}
                notify:
                  mention: "<!subteam^S0DATA|data-oncall>"
                  label: data on-call
                severity_floor: SEV2
            """).table();

    @TempDir
    Path dataDir;

    @Test
    void an_alertmanager_alert_routed_by_its_labels_mentions_the_on_call_group_at_the_floor_severity() throws Exception {
        try (RunningBot bot = new RunningBot(dataDir, Map.of("DATAOPS_WEBHOOK_TOKEN", TOKEN, "DATAOPS_ALERT_CHANNELS", "CALERTS"),
                ROUTING)) {
            // alert 1 is KubeJobFailed in namespace data: resource_exhaustion, SEV3 by the taxonomy
            assertEquals(200, bot.alertmanager("", AlertmanagerPayloads.firing(1), TOKEN).statusCode());
            assertEquals("SEV2", bot.knowledge.store().require(new IncidentKey(1)).severity(), "raised to the route's floor");
            FakeSlackApi.Call posted = bot.slack.await("chat.postMessage", call -> true);
            assertTrue(posted.param("text").endsWith(" — " + DATA_ONCALL), posted.param("text"));
            String blocks = posted.json("blocks").toString();
            assertTrue(blocks.contains("*Escalate to*\\ndata on-call\\n" + DATA_ONCALL), blocks);
        }
    }

    @Test
    void an_alert_no_route_matches_keeps_the_taxonomy_escalation_and_mentions_nobody() throws Exception {
        try (RunningBot bot = new RunningBot(dataDir, Map.of("DATAOPS_WEBHOOK_TOKEN", TOKEN, "DATAOPS_ALERT_CHANNELS", "CALERTS"),
                ROUTING)) {
            // alert 2 is TargetDown in namespace monitoring
            assertEquals(200, bot.alertmanager("", AlertmanagerPayloads.firing(2), TOKEN).statusCode());
            FakeSlackApi.Call posted = bot.slack.await("chat.postMessage", call -> true);
            assertFalse(posted.param("text").contains("subteam"), posted.param("text"));
            assertTrue(posted.json("blocks").toString().contains("*Escalate to*\\nowning service team / vendor\""),
                    posted.json("blocks").toString());
        }
    }
}
