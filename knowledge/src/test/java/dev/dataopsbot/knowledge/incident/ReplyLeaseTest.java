package dev.dataopsbot.knowledge.incident;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import dev.dataopsbot.knowledge.testdb.TestStores;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ValueSource;

/** Replies owed in Slack are claimed with a lease: one replica posts each, a dead one's are taken over. */
@ParameterizedClass
@ValueSource(strings = {TestStores.SQLITE, TestStores.POSTGRESQL})
class ReplyLeaseTest {

    @Parameter
    String engine;

    @TempDir
    Path temp;

    private final SettableClock clock = new SettableClock(Instant.parse("2026-12-07T10:00:00Z"));
    private IncidentDatabase db;
    private IncidentStore store;
    private PendingReplies pending;

    @BeforeEach
    void open() {
        db = TestStores.open(engine, temp);
        store = new IncidentStore(db, clock);
        pending = new PendingReplies(db, clock);
    }

    @AfterEach
    void close() {
        if (db != null) {  // null when there is no PostgreSQL server and the test was skipped
            db.close();
        }
    }

    private PendingReply owe(String dag) {
        return store.receive(new InboundAlert(Alerts.expiredToken(dag, "load"), "alertmanager", dag, dag, "C1", null))
                .orElseThrow().reply().orElseThrow();
    }

    @Test
    void a_new_reply_is_reserved_for_the_replica_that_stored_it_until_its_lease_lapses() {
        PendingReply reply = owe("orders_daily");
        clock.advance(Duration.ofSeconds(11));
        assertEquals(List.of(), pending.claimDue("b", Duration.ofSeconds(10), 100, false), "reserved for the intake's replica");
        assertTrue(pending.claim(reply, "a"), "the replica that stored it claims it");
        assertFalse(pending.claim(reply, "b"), "not while a's lease runs");
        clock.advance(PendingReplies.LEASE.minusSeconds(1));
        assertEquals(List.of(reply.id()), ids(pending.claimDue("a", Duration.ofSeconds(10), 100, false)), "a renews its own");
        clock.advance(PendingReplies.LEASE.minusSeconds(1));
        assertEquals(List.of(), pending.claimDue("b", Duration.ofSeconds(10), 100, false), "renewed: still a's");
        clock.advance(Duration.ofSeconds(2));
        assertEquals(List.of(reply.id()), ids(pending.claimDue("b", Duration.ofSeconds(10), 100, false)),
                "a stopped renewing (it died): b takes it over");
        assertFalse(pending.claim(reply, "a"), "and a, back, does not post it twice");
        pending.done(reply);
        assertFalse(pending.claim(reply, "b"), "confirmed: owed to nobody");
    }

    @Test
    void a_restarted_process_on_a_store_nobody_shares_takes_every_owed_reply_at_once() {
        owe("orders_daily");
        owe("users_daily");
        assertEquals(2, pending.claimDue("restarted", Duration.ZERO, 100, true).size());
    }

    @Test
    void replicas_sweeping_at_the_same_time_never_take_the_same_reply() throws Exception {
        List<PendingReply> owed = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            owed.add(owe("dag_" + i));
        }
        clock.advance(PendingReplies.LEASE.plusSeconds(1));
        ExecutorService replicas = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<PendingReply>>> sweeps = new ArrayList<>();
            for (int r = 0; r < 4; r++) {
                String replica = "replica-" + r;
                sweeps.add(replicas.submit(() -> pending.claimDue(replica, Duration.ZERO, 15, false)));
            }
            Set<Long> taken = new HashSet<>();
            int total = 0;
            for (Future<List<PendingReply>> sweep : sweeps) {
                for (PendingReply reply : sweep.get()) {
                    total++;
                    assertTrue(taken.add(reply.id()), "reply " + reply.id() + " taken twice");
                }
            }
            assertEquals(40, total, "4 sweeps of at most 15 take all 40, each once");
        } finally {
            replicas.shutdownNow();
        }
    }

    @Test
    void one_replica_at_a_time_digests_a_channel_and_a_silent_one_hands_it_on() {
        ChannelLeases leases = new ChannelLeases(db, clock);
        assertTrue(leases.hold("C1", "a", PendingReplies.LEASE));
        assertFalse(leases.hold("C1", "b", PendingReplies.LEASE), "a holds C1");
        assertTrue(leases.hold("C2", "b", PendingReplies.LEASE), "channels are leased apart");
        clock.advance(PendingReplies.LEASE.minusSeconds(1));
        assertTrue(leases.hold("C1", "a", PendingReplies.LEASE), "a renews");
        clock.advance(PendingReplies.LEASE.minusSeconds(1));
        assertFalse(leases.hold("C1", "b", PendingReplies.LEASE), "renewed: still a's");
        clock.advance(Duration.ofSeconds(2));
        assertTrue(leases.hold("C1", "b", PendingReplies.LEASE), "a went silent: b digests C1 now");
        assertFalse(leases.hold("C1", "a", PendingReplies.LEASE));
    }

    private static List<Long> ids(List<PendingReply> replies) {
        return replies.stream().map(PendingReply::id).toList();
    }
}
