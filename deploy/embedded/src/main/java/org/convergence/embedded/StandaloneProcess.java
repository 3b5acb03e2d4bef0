package org.convergence.embedded;

import java.util.concurrent.CountDownLatch;

/** What the two server mains share: the ready line the launcher waits for, and a clean stop on SIGTERM. */
final class StandaloneProcess {

    private StandaloneProcess() {
    }

    /**
     * Prints the line the launcher waits for, then blocks until the process is terminated. On SIGTERM or
     * SIGINT the JVM runs the hook to completion before exiting, so the server stops cleanly (Kafka closes
     * its logs, H2 flushes its file) instead of being cut off.
     */
    static void runUntilTerminated(String readyLine, Runnable stop) throws InterruptedException {
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                stop.run();
            } finally {
                stopped.countDown();
            }
        }, "embedded-server-shutdown"));
        System.out.println(readyLine);
        System.out.flush();
        stopped.await();
    }
}
