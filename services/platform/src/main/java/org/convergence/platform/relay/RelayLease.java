package org.convergence.platform.relay;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.bson.Document;

import java.time.Clock;
import java.time.Duration;

/**
 * One relay owner per service at a time, so that per-key order holds with several replicas. The lease is a
 * document keyed by the service name; the owner renews it every round and stops relaying when it cannot.
 * Time only decides who may relay, never which events exist.
 */
public final class RelayLease {

    private final MongoCollection<Document> leases;
    private final String name;
    private final String owner;
    private final Duration ttl;
    private final Clock clock;
    private long heldUntil;

    public RelayLease(MongoCollection<Document> leases, String name, String owner, Duration ttl, Clock clock) {
        this.leases = leases;
        this.name = name;
        this.owner = owner;
        this.ttl = ttl;
        this.clock = clock;
    }

    /** Takes a free or expired lease, or renews ours; false if another live owner holds it. */
    public boolean acquireOrRenew() {
        long now = clock.millis();
        try {
            leases.updateOne(
                    Filters.and(Filters.eq("_id", name),
                            Filters.or(Filters.eq("owner", owner), Filters.lt("until", now))),
                    Updates.combine(Updates.set("owner", owner), Updates.set("until", now + ttl.toMillis())),
                    new UpdateOptions().upsert(true));
            heldUntil = now + ttl.toMillis();
            return true;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                heldUntil = 0;
                return false;
            }
            throw e;
        }
    }

    /**
     * Renews the lease only once a third of its time to live has passed since our last renewal (or takes it, if we
     * do not hold it); true if we hold it. A relay calls it every round: renewing at most every third of the time
     * to live keeps it safely held ({@link #isSafelyHeld}) without one durable write per round (ADR 0043). Nobody
     * else can take the lease before it expires, so skipping a renewal never lets two owners in.
     */
    public boolean renewIfDue() {
        if (clock.millis() < heldUntil - 2 * ttl.toMillis() / 3) {
            return true;
        }
        return acquireOrRenew();
    }

    /** True while our lease has at least a third of its time left: enough to finish one publication. */
    public boolean isSafelyHeld() {
        return clock.millis() < heldUntil - ttl.toMillis() / 3;
    }

    /** Gives the lease up at shutdown so another replica takes over at once. */
    public void release() {
        leases.deleteOne(Filters.and(Filters.eq("_id", name), Filters.eq("owner", owner)));
        heldUntil = 0;
    }

    public String owner() {
        return owner;
    }
}
