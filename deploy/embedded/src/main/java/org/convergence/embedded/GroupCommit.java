package org.convergence.embedded;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

/**
 * Durable before visible: a change returns only once a commit that contains it has been written, and a read
 * returns only once every change it could have seen has been. Callers waiting at the same time share one
 * commit (group commit), so the cost of a commit is paid once per group, not once per write.
 * <p>
 * A commit runs while no change is in progress (the gate), so a file never holds half a command: a unique
 * index entry without its document, or the first documents of an insert without the rest. The optional
 * sync (fsync) runs after the gate is open again: the next group changes memory while the previous one
 * reaches the disk.
 * <p>
 * Tickets order the two: every operation takes a ticket once it has finished, and a commit covers every
 * ticket issued before it started. A read that saw a change finished after that change, so its ticket is
 * later and its wait covers it.
 */
final class GroupCommit {

    private final Runnable commit;
    private final Runnable sync;
    private final ReentrantReadWriteLock gate = new ReentrantReadWriteLock();
    private final ReentrantLock committer = new ReentrantLock();
    private final AtomicLong tickets = new AtomicLong();
    private final AtomicLong lastChange = new AtomicLong();
    private final AtomicInteger changesInProgress = new AtomicInteger();
    private final LongAdder commits = new LongAdder();
    private final LongAdder changes = new LongAdder();
    private volatile long durable;

    /**
     * @param commit writes the current state to the file; called with no change in progress
     * @param sync   forces what was written to the storage device (no-op when only process crashes matter)
     */
    GroupCommit(Runnable commit, Runnable sync) {
        this.commit = commit;
        this.sync = sync;
    }

    /** Runs an operation that may change the store and returns once its effect is durable. */
    <T> T change(Supplier<T> operation) {
        changesInProgress.incrementAndGet();
        long ticket;
        T result;
        gate.readLock().lock();
        try {
            result = operation.get();
        } finally {
            // A failed command may have changed part of what it was asked (an ordered insert stopped by a
            // duplicate): its answer says so, so it too waits for the commit.
            ticket = tickets.incrementAndGet();
            lastChange.accumulateAndGet(ticket, Math::max);
            gate.readLock().unlock();
            changesInProgress.decrementAndGet();
            changes.increment();
        }
        awaitDurable(ticket);
        return result;
    }

    /** Runs an operation that changes nothing and returns once everything it could have seen is durable. */
    <T> T read(Supplier<T> operation) {
        T result = operation.get();
        if (changesInProgress.get() > 0 || lastChange.get() > durable) {
            awaitDurable(tickets.incrementAndGet());
        }
        return result;
    }

    /** Commits now, whoever is waiting; used before a file is rewritten or closed. */
    void commitNow() {
        awaitDurable(tickets.incrementAndGet());
    }

    long commits() {
        return commits.sum();
    }

    long changes() {
        return changes.sum();
    }

    private void awaitDurable(long ticket) {
        if (durable >= ticket) {
            return;
        }
        committer.lock();
        try {
            if (durable >= ticket) {
                return; // the commit that ran while this caller waited for the committer covered it
            }
            long covered;
            gate.writeLock().lock();
            try {
                covered = tickets.get();
                commit.run();
            } finally {
                gate.writeLock().unlock();
            }
            sync.run();
            commits.increment();
            durable = covered;
        } finally {
            committer.unlock();
        }
    }
}
