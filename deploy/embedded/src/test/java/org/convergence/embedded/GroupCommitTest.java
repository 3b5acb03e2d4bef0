package org.convergence.embedded;

import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GroupCommitTest {

    /**
     * The "store": a counter that changes increment; a commit copies it, a sync (slow, as an fsync is) copies the
     * commit.
     */
    private final AtomicLong memory = new AtomicLong();
    private final AtomicLong written = new AtomicLong();
    private final AtomicLong synced = new AtomicLong();
    private final AtomicInteger changesInProgress = new AtomicInteger();
    private volatile boolean commitSawAChangeInProgress;

    private final GroupCommit commits = new GroupCommit(() -> {
        if (changesInProgress.get() > 0) {
            commitSawAChangeInProgress = true;
        }
        written.set(memory.get());
    }, () -> {
        long commit = written.get();
        pause();
        synced.set(commit);
    });

    @RepeatedTest(5)
    void aChangeReturnsOnlyOnceASyncedCommitContainsItAndNoCommitCutsAChangeInHalf() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(16);
        List<Future<?>> results = new ArrayList<>();
        AtomicInteger violations = new AtomicInteger();
        for (int i = 0; i < 800; i++) {
            results.add(pool.submit(() -> {
                long mine = commits.change(() -> {
                    changesInProgress.incrementAndGet();
                    try {
                        return memory.incrementAndGet();
                    } finally {
                        changesInProgress.decrementAndGet();
                    }
                });
                if (synced.get() < mine) {
                    violations.incrementAndGet();
                }
            }));
        }
        for (Future<?> result : results) {
            result.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();
        assertEquals(0, violations.get(), "changes that returned before a synced commit held them");
        assertFalse(commitSawAChangeInProgress, "a commit ran while a change was half done");
        assertEquals(800, commits.changes());
    }

    @Test
    void writersWaitingWhileACommitIsOnItsWayShareTheNextOne() throws Exception {
        int writers = 16;
        AtomicReference<GroupCommit> gated = new AtomicReference<>();
        gated.set(new GroupCommit(() -> written.set(memory.get()), () -> {
            // The first commit lasts until every writer has made its change and taken its ticket.
            while (gated.get().changes() < writers) {
                pause();
            }
            synced.set(written.get());
        }));
        List<Thread> threads = new ArrayList<>();
        AtomicInteger violations = new AtomicInteger();
        for (int i = 0; i < writers; i++) {
            Thread thread = new Thread(() -> {
                long mine = gated.get().change(memory::incrementAndGet);
                if (synced.get() < mine) {
                    violations.incrementAndGet();
                }
            });
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            thread.join(TimeUnit.SECONDS.toMillis(30));
        }
        assertEquals(0, violations.get());
        assertTrue(gated.get().commits() <= 2, writers + " writers, " + gated.get().commits() + " commits");
    }

    @Test
    void aReadReturnsOnlyOnceTheChangesItSawAreDurable() throws Exception {
        CountDownLatch changed = new CountDownLatch(1);
        CountDownLatch readDone = new CountDownLatch(1);
        GroupCommit slowCommit = new GroupCommit(() -> written.set(memory.get()), () -> synced.set(written.get()));
        Thread writer = new Thread(() -> slowCommit.change(() -> {
            memory.set(42);
            changed.countDown();
            await(readDone); // the change is visible but not committed while the read runs
            return null;
        }));
        writer.start();
        changed.await();
        long seen = slowCommit.read(() -> {
            long value = memory.get();
            readDone.countDown();
            return value;
        });
        assertEquals(42, seen);
        assertEquals(42, synced.get(), "the read answered before what it saw was durable");
        writer.join();
    }

    @Test
    void aReadWithNothingPendingCommitsNothing() {
        commits.change(memory::incrementAndGet);
        long before = commits.commits();
        commits.read(memory::get);
        assertEquals(before, commits.commits());
    }

    private static void pause() {
        try {
            Thread.sleep(1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
