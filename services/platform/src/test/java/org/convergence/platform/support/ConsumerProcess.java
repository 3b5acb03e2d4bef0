package org.convergence.platform.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A {@link ConsumerProcessMain} in a child JVM, with what it printed; {@link #kill()} is a {@code kill -9}. */
public final class ConsumerProcess implements AutoCloseable {

    private final Process process;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final List<String> seen = new ArrayList<>();

    private ConsumerProcess(Process process) {
        this.process = process;
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    lines.add(line);
                }
            } catch (IOException e) {
                // the process died: nothing more to read
            }
        }, "consumer-process-output");
        reader.setDaemon(true);
        reader.start();
    }

    public static ConsumerProcess start(String bootstrap, String topic, String group, String instanceId, String mode,
                                        Duration sessionTimeout) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-Xmx128m", "-cp", System.getProperty("java.class.path"),
                ConsumerProcessMain.class.getName(), bootstrap, topic, group, instanceId, mode,
                sessionTimeout.toMillis() + "ms");
        builder.redirectErrorStream(true);
        return new ConsumerProcess(builder.start());
    }

    /** Waits for a line starting with {@code prefix}; fails with everything printed so far if none comes. */
    public String awaitLine(String prefix, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (String line : seen) {
            if (line.startsWith(prefix)) {
                seen.remove(line);
                return line;
            }
        }
        while (System.nanoTime() < deadline) {
            String line = lines.poll(100, TimeUnit.MILLISECONDS);
            if (line == null) {
                continue;
            }
            if (line.startsWith(prefix)) {
                return line;
            }
            seen.add(line);
        }
        throw new AssertionError("The consumer process printed no '" + prefix + "' within " + timeout + "; it printed "
                + seen + (process.isAlive() ? "" : " and exited with " + process.exitValue()));
    }

    public int awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("The consumer process did not exit within " + timeout);
        }
        return process.exitValue();
    }

    /** SIGKILL: no shutdown hook, no leave-group, no commit. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }
}
