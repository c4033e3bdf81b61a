package dev.dataopsbot.bot.incident;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;

import dev.dataopsbot.bot.config.BotConfig;
import dev.dataopsbot.bot.triage.CaseKnowledge;
import dev.dataopsbot.knowledge.cases.CaseLibrary;
import dev.dataopsbot.knowledge.incident.Alerts;
import dev.dataopsbot.knowledge.incident.IncidentKey;
import dev.dataopsbot.knowledge.incident.PostgresUrl;
import dev.dataopsbot.knowledge.testdb.TestPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two replicas on one PostgreSQL store, each with its own data folder: what one resolves and
 * teaches reaches the other's past-incident index and case vote at its next follow.
 */
class StoreFollowerTest {

    @TempDir
    Path temp;

    @Test
    void an_incident_resolved_and_a_case_taught_on_one_replica_reach_the_other() {
        PostgresUrl url = PostgresUrl.parse(TestPostgres.freshDatabase());
        BotConfig a = new BotConfig(temp.resolve("a"), Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(url));
        BotConfig b = new BotConfig(temp.resolve("b"), Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(url));
        try (IncidentKnowledge replicaA = IncidentKnowledge.open(a, 2, Clock.systemUTC());
             IncidentKnowledge replicaB = IncidentKnowledge.open(b, 2, Clock.systemUTC())) {
            CaseKnowledge casesOfB = new CaseKnowledge(CaseLibrary.bundled());
            casesOfB.teach(replicaB.teamCaseLibrary());
            replicaB.pastIncidents();
            StoreFollower follower = StoreFollower.start(replicaB, casesOfB);
            try {
                IncidentKey key = replicaA.store().record(Alerts.expiredToken("orders_daily", "load_orders")).key();
                replicaA.lifecycle().resolve(key, "rotated the token", "ana");
                replicaA.lifecycle().feedback(key, false, "config_error", "the token was never set", "ana");
                String text = replicaA.store().history(key).alerts().get(0).text();
                assertTrue(replicaB.similarTo("credential_expiry", "snowflake", text, null, 3).isEmpty(),
                        "B's index has not looked yet");
                assertFalse(casesOfB.vote(text).teamCase());

                follower.follow();

                assertEquals(key, replicaB.similarTo("credential_expiry", "snowflake", text, null, 3).get(0).key());
                assertTrue(casesOfB.vote(text).teamCase(), "B votes with the team case A's correction made");
                assertEquals("config_error", casesOfB.vote(text).mode());
            } finally {
                follower.close();
            }
        }
    }
}
