package org.convergence.localstack;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** One run of one process of the local stack, its output appended to a log file, stopped with SIGTERM then killed. */
final class ChildProcess {

    private static final int LAST_LINES = 40;

    private final String name;
    private final Process process;
    private final Path log;
    private final CountDownLatch readyLine = new CountDownLatch(1);
    private final long startedAt = System.nanoTime();
    private final Thread pump;

    private ChildProcess(String name, Process process, Path log, String readyMarker) {
        this.name = name;
        this.process = process;
        this.log = log;
        pump = new Thread(() -> pump(readyMarker), name + "-log");
        pump.setDaemon(true);
        pump.start();
    }

    static ChildProcess start(String name, List<String> command, Map<String, String> environment, Path logDir,
                              String readyMarker) {
        try {
            Files.createDirectories(logDir);
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
            builder.environment().putAll(environment);
            return new ChildProcess(name, builder.start(), logDir.resolve(name + ".log"), readyMarker);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start " + name, e);
        }
    }

    String name() {
        return name;
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    Path log() {
        return log;
    }

    /** How long this run has lasted so far. */
    Duration uptime() {
        return Duration.ofNanos(System.nanoTime() - startedAt);
    }

    /** Runs {@code action} once the process has exited, whoever ended it. */
    void onExit(Runnable action) {
        process.onExit().thenRun(action);
    }

    /** The exit code, or -1 while it runs; a process killed by signal N exits with 128 + N (SIGKILL: 137). */
    int exitCode() {
        return process.isAlive() ? -1 : process.exitValue();
    }

    /** Waits for the line the process prints when it is ready (embedded servers); fails as soon as it exits. */
    void awaitReadyLine(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            while (!readyLine.await(200, TimeUnit.MILLISECONDS)) {
                if (!process.isAlive()) {
                    throw new IllegalStateException(exitReport());
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(name + " did not become ready within " + timeout);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for " + name, e);
        }
    }

    /**
     * Why a run that should still be up has ended: its exit code and the end of its log, so that a failure on CI,
     * whose working copy is gone by the time anyone reads the report, still says what the process said.
     */
    String exitReport() {
        try {
            pump.join(TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return name + " exited with " + exitCode() + "; the last lines of " + log + ":\n" + lastLines(LAST_LINES);
    }

    private String lastLines(int count) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - count), lines.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(log unreadable: " + e + ")";
        }
    }

    /** SIGKILL, as a crash would: no shutdown hook runs. */
    void kill() {
        process.destroyForcibly();
    }

    /** SIGTERM (shutdown hooks run, so Kafka and H2 close their files), then SIGKILL after 30 s. */
    void stop() {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    private void pump(String readyMarker) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8));
             PrintWriter out = new PrintWriter(Files.newBufferedWriter(log, StandardCharsets.UTF_8,
                     StandardOpenOption.CREATE, StandardOpenOption.APPEND), true)) {
            String line;
            while ((line = in.readLine()) != null) {
                out.println(line);
                if (readyMarker != null && line.contains(readyMarker)) {
                    readyLine.countDown();
                }
            }
        } catch (IOException e) {
            // The process ended; its exit is reported by whoever waits for it.
        }
    }
}
