package org.convergence.embedded;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * {@link EmbeddedMongoMain} in a child JVM on this JVM's class path, as the local stack runs it, so that a test
 * can kill it with SIGKILL and start it again on the same file and port.
 */
public final class EmbeddedMongoProcess implements AutoCloseable {

    private final Process process;
    private final CountDownLatch ready = new CountDownLatch(1);
    private final List<String> output = new ArrayList<>();

    private EmbeddedMongoProcess(Process process) {
        this.process = process;
        Thread pump = new Thread(this::pump, "mongo-process-output");
        pump.setDaemon(true);
        pump.start();
    }

    /** Starts the server on {@code file} and {@code port} and returns once it accepts connections. */
    public static EmbeddedMongoProcess start(Path file, int port, String... extraArguments) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-Xmx256m", "-XX:+UseSerialGC",
                "-cp", System.getProperty("java.class.path"), EmbeddedMongoMain.class.getName(),
                "--file", file.toString(), "--port", Integer.toString(port)));
        command.addAll(List.of(extraArguments));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            EmbeddedMongoProcess mongo = new EmbeddedMongoProcess(process);
            mongo.awaitReady();
            return mongo;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static int freePort() {
        return FreePorts.next();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** SIGKILL: no shutdown hook runs, nothing is flushed or closed. Returns once the process is gone. */
    public void kill() {
        process.destroyForcibly();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("The server did not die");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** SIGTERM: the server closes its files cleanly. */
    public void stop() {
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                kill();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            kill();
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            kill();
        }
    }

    private void awaitReady() {
        try {
            if (!ready.await(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("No ready line within " + Duration.ofSeconds(60) + ": " + output());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private synchronized String output() {
        return String.join("\n", output);
    }

    private void pump() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                synchronized (this) {
                    output.add(line);
                }
                if (line.startsWith("MONGO READY")) {
                    ready.countDown();
                }
            }
        } catch (IOException ended) {
            // The process is gone.
        }
    }
}
