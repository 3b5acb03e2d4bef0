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

/** One process of the local stack, its output copied to a log file, stopped with SIGTERM then killed. */
final class ChildProcess {

    private final String name;
    private final Process process;
    private final CountDownLatch readyLine = new CountDownLatch(1);

    private ChildProcess(String name, Process process, Path log, String readyMarker) {
        this.name = name;
        this.process = process;
        Thread pump = new Thread(() -> pump(log, readyMarker), name + "-log");
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

    /** Waits for the line the process prints when it is ready (embedded servers); fails as soon as it exits. */
    void awaitReadyLine(Duration timeout, Path logDir) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            while (!readyLine.await(200, TimeUnit.MILLISECONDS)) {
                if (!process.isAlive()) {
                    throw new IllegalStateException(name + " exited with " + process.exitValue() + "; see "
                            + logDir.resolve(name + ".log"));
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

    private void pump(Path log, String readyMarker) {
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
