package org.convergence.localstack;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * One process of the local stack kept running as a container orchestrator would: when it dies while wanted, a
 * loud line says so and it is started again after a back-off (1 s, doubled at each failure up to 30 s, back to
 * 1 s once a run lasted {@link #STABLE}). A process stopped on purpose ({@link #stop()}) stays stopped.
 */
final class SupervisedProcess {

    static final Duration FIRST_BACKOFF = Duration.ofSeconds(1);
    static final Duration MAX_BACKOFF = Duration.ofSeconds(30);
    static final Duration STABLE = Duration.ofSeconds(60);
    /** An exit is judged after this pause: on Ctrl-C the terminal signals the children too, before we close. */
    private static final Duration SETTLE = Duration.ofMillis(500);

    /** Blocks until a fresh run is ready, or throws. */
    interface Readiness {
        void await(ChildProcess run);
    }

    private final String name;
    private final Supplier<ChildProcess> launcher;
    private final Readiness readiness;
    private final ScheduledExecutorService scheduler;
    private final Consumer<String> announce;
    private ChildProcess current;
    private boolean wanted;
    private boolean ready;
    private int restarts;
    private Duration backoff = FIRST_BACKOFF;

    SupervisedProcess(String name, Supplier<ChildProcess> launcher, Readiness readiness,
                      ScheduledExecutorService scheduler, Consumer<String> announce) {
        this.name = name;
        this.launcher = launcher;
        this.readiness = readiness;
        this.scheduler = scheduler;
        this.announce = announce;
    }

    String name() {
        return name;
    }

    /** Starts a run (if none is wanted yet) without waiting for it to be ready. */
    synchronized void launch() {
        if (wanted) {
            return;
        }
        wanted = true;
        run();
    }

    /** Waits until the current run is ready. */
    void awaitReady() {
        ChildProcess run;
        synchronized (this) {
            run = current;
        }
        readiness.await(run);
        markReady(run);
    }

    /** From now on an exit is final: nothing restarts the process (it keeps running until {@link #stop()}). */
    synchronized void release() {
        wanted = false;
    }

    /** Stops the process for good (SIGTERM, then SIGKILL after 30 s): it is not restarted. */
    void stop() {
        ChildProcess run;
        synchronized (this) {
            wanted = false;
            ready = false;
            run = current;
        }
        if (run != null) {
            run.stop();
        }
    }

    synchronized long pid() {
        if (current == null) {
            throw new IllegalStateException(name + " was never started");
        }
        return current.pid();
    }

    synchronized boolean isReady() {
        return ready && current.isAlive();
    }

    synchronized int restarts() {
        return restarts;
    }

    /** SIGKILL to the current run, as a crash would; returns its pid. The supervisor brings it back. */
    long kill() {
        ChildProcess run;
        synchronized (this) {
            run = current;
        }
        run.kill();
        return run.pid();
    }

    /** Waits until a run other than {@code pid} is ready; returns how long that took. */
    Duration awaitBack(long pid, Duration timeout) {
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            synchronized (this) {
                if (current != null && current.pid() != pid && ready && current.isAlive()) {
                    return Duration.ofNanos(System.nanoTime() - start);
                }
            }
            sleep(50);
        }
        throw new IllegalStateException(name + " was not back within " + timeout + " after pid " + pid);
    }

    private synchronized void run() {
        ready = false;
        ChildProcess run = launcher.get();
        current = run;
        run.onExit(() -> scheduler.schedule(() -> exited(run), SETTLE.toMillis(), TimeUnit.MILLISECONDS));
    }

    private void exited(ChildProcess run) {
        Duration delay;
        synchronized (this) {
            if (!wanted || run != current) {
                return;
            }
            backoff = run.uptime().compareTo(STABLE) >= 0 ? FIRST_BACKOFF : backoff;
            delay = backoff;
            backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
            restarts++;
            ready = false;
        }
        announce.accept(String.format("!!! %s (pid %d) died with exit code %d after %d s; restarting it in %d s "
                        + "(restart %d); see %s", name, run.pid(), run.exitCode(), run.uptime().toSeconds(),
                delay.toSeconds(), restarts(), run.log()));
        scheduler.schedule(this::restart, delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void restart() {
        ChildProcess run;
        synchronized (this) {
            if (!wanted) {
                return;
            }
            run();
            run = current;
        }
        long start = System.nanoTime();
        // Readiness is awaited off the scheduler, so other processes' exits are still handled meanwhile.
        Thread waiter = new Thread(() -> {
            try {
                readiness.await(run);
                // Said before it is marked ready: whoever awaits its return (awaitBack) then finds it said.
                announce.accept(String.format("!!! %s is back (pid %d), ready %d ms after its restart", name,
                        run.pid(), (System.nanoTime() - start) / 1_000_000));
                markReady(run);
            } catch (RuntimeException notReady) {
                synchronized (this) {
                    if (!wanted || run != current) {
                        return;
                    }
                }
                announce.accept("!!! " + name + " (pid " + run.pid() + ") did not get ready: "
                        + notReady.getMessage());
            }
        }, name + "-readiness");
        waiter.setDaemon(true);
        waiter.start();
    }

    private synchronized void markReady(ChildProcess run) {
        if (run == current) {
            ready = true;
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
