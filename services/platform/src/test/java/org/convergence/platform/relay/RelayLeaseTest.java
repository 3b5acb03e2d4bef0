package org.convergence.platform.relay;

import com.mongodb.client.MongoCollection;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.convergence.platform.support.InMemoryMongo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** One relay owner at a time, decided by a lease with a time to live; time decides who relays, never what. */
class RelayLeaseTest {

    private static final Duration TTL = Duration.ofSeconds(30);
    @RegisterExtension
    static final InMemoryMongo MONGO = new InMemoryMongo();
    private MongoCollection<Document> leases;
    private final SettableClock clock = new SettableClock();



    @BeforeEach
    void freshLeases() {
        leases = MONGO.freshDatabase("lease").getCollection("relay_leases");
    }

    @Test
    void aLeaseIsSafelyHeldForTwoThirdsOfItsTimeToLiveAfterEachRenewal() {
        RelayLease lease = lease("a");

        assertFalse(lease.isSafelyHeld(), "not before it is taken");
        assertTrue(lease.acquireOrRenew());
        clock.advance(Duration.ofSeconds(19));
        assertTrue(lease.isSafelyHeld());
        clock.advance(Duration.ofSeconds(1));
        assertFalse(lease.isSafelyHeld(), "a third of the time left: not enough to finish a publication");
        assertTrue(lease.acquireOrRenew());
        assertTrue(lease.isSafelyHeld());
        assertEquals(clock.millis() + TTL.toMillis(), leases.find().first().get("until", Number.class).longValue());
    }

    @Test
    void aLeaseIsWrittenAgainOnlyOnceAThirdOfItsTimeToLiveHasPassed() {
        RelayLease lease = lease("a");
        assertTrue(lease.renewIfDue(), "taken: written");
        assertEquals(1, leases.countDocuments());
        leases.deleteMany(new Document()); // shows whether the next calls write
        clock.advance(TTL.dividedBy(3).minusMillis(1));
        assertTrue(lease.renewIfDue(), "still held, renewed less than a third of its time to live ago");
        assertEquals(0, leases.countDocuments(), "no write for a lease renewed so recently");
        assertTrue(lease.isSafelyHeld());
        clock.advance(Duration.ofMillis(1));
        assertTrue(lease.renewIfDue());
        assertEquals(1, leases.countDocuments(), "a third of its time to live passed: renewed");
        assertTrue(lease.isSafelyHeld());
    }

    @Test
    void anotherOwnerGetsTheLeaseOnlyOnceItExpiredOrWasReleased() {
        RelayLease a = lease("a");
        RelayLease b = lease("b");
        assertTrue(a.acquireOrRenew());

        clock.advance(TTL);
        assertFalse(b.acquireOrRenew(), "still a's until its time to live has passed");
        assertFalse(b.isSafelyHeld());
        clock.advance(Duration.ofMillis(1));
        assertTrue(b.acquireOrRenew(), "expired: b takes it");
        assertFalse(a.acquireOrRenew(), "and a cannot take it back while b renews it");
        assertFalse(a.isSafelyHeld());

        b.release();
        assertTrue(a.acquireOrRenew(), "released at shutdown: taken over at once");
        assertEquals("a", leases.find().first().getString("owner"));
    }

    private RelayLease lease(String owner) {
        return new RelayLease(leases, "service", owner, TTL, clock);
    }

    private static final class SettableClock extends Clock {
        private Instant now = Instant.parse("2026-01-01T00:00:00Z");

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
