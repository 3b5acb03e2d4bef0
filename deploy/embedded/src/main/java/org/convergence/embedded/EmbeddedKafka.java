package org.convergence.embedded;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Exit;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * A real Apache Kafka broker in KRaft mode (broker and controller in one node) inside this JVM, from the
 * Kafka artifacts on Maven Central: no download, no Docker. Storage is formatted once; a restart keeps
 * ports and data, so a test can take Kafka away while commands are handled and bring it back with every
 * record still there.
 */
public final class EmbeddedKafka implements AutoCloseable {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);
    private static final String CONTROLLER = "CONTROLLER";

    private final Path logDir;
    private final int port;
    private final int controllerPort;
    private KafkaRaftServer server;

    private EmbeddedKafka(Path dataDir, int port, int controllerPort) {
        this.logDir = dataDir.toAbsolutePath().resolve("logs");
        this.port = port;
        this.controllerPort = controllerPort;
    }

    /**
     * Starts a broker storing under {@code dataDir} and returns once a client can reach it. Port 0 picks a
     * free port once: restarts reuse it, so clients keep their bootstrap address.
     */
    public static EmbeddedKafka start(Path dataDir, int port) {
        QuietLogs.warnOnly(QuietLogs.KAFKA_BROKER);
        EmbeddedKafka kafka = new EmbeddedKafka(dataDir, port == 0 ? freePort() : port, freePort());
        kafka.startServer();
        return kafka;
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    public synchronized boolean isRunning() {
        return server != null;
    }

    /** Shuts the broker down cleanly and waits for it; a no-op when already stopped. */
    public synchronized void stop() {
        if (server != null) {
            try {
                server.shutdown();
                server.awaitShutdown();
            } finally {
                server = null;
            }
        }
    }

    /** Stops (if running) and starts again on the same ports and data. */
    public synchronized void restart() {
        stop();
        startServer();
    }

    @Override
    public void close() {
        stop();
    }

    private synchronized void startServer() {
        // Kafka ends the JVM on a fatal fault (Exit.halt): in a test JVM or a launcher child, throw instead.
        Exit.setExitProcedure(EmbeddedKafka::refuseExit);
        Exit.setHaltProcedure(EmbeddedKafka::refuseExit);
        Properties config = config();
        formatOnce();
        // The constructor reads the formatted log directories, so it must follow formatOnce().
        KafkaRaftServer starting = new KafkaRaftServer(KafkaConfig.fromProps(config, false), Time.SYSTEM);
        server = starting;
        try {
            starting.startup();
            awaitReady();
        } catch (RuntimeException | Error e) {
            try {
                stop();
            } catch (RuntimeException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }

    private Properties config() {
        Properties p = new Properties();
        p.put("process.roles", "broker,controller");
        p.put("node.id", "1");
        // A static one-voter quorum: the controller port may change between processes without reformatting.
        p.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        p.put("listeners", "PLAINTEXT://127.0.0.1:" + port + "," + CONTROLLER + "://127.0.0.1:" + controllerPort);
        p.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
        p.put("controller.listener.names", CONTROLLER);
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT," + CONTROLLER + ":PLAINTEXT");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("log.dirs", logDir.toString());
        // One node: internal topics cannot have more than one replica.
        p.put("offsets.topic.replication.factor", "1");
        p.put("offsets.topic.num.partitions", "5");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        p.put("min.insync.replicas", "1");
        // Consumers get their partitions at once instead of after the default 3 s.
        p.put("group.initial.rebalance.delay.ms", "0");
        // A topic the broker auto-creates gets the count the services create theirs with (convergence.topics.
        // partitions). On a loaded machine a service's creation at start-up can time out while a client's metadata
        // request auto-creates the topic: with two counts, reporting's co-partitioned topics differed and it refused
        // to consume (ADR 0034, 0042), and the stack never became ready.
        p.put("num.partitions", "6");
        p.put("auto.create.topics.enable", "true");
        // Events are kept forever: read models are rebuilt from them.
        p.put("log.retention.hours", "-1");
        return p;
    }

    /** Formats the storage unless a previous run already did (then its data is kept). */
    private void formatOnce() {
        if (Files.exists(logDir.resolve("meta.properties"))) {
            return;
        }
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        try {
            Files.createDirectories(logDir);
            new Formatter()
                    .setPrintStream(new PrintStream(output, true, StandardCharsets.UTF_8))
                    .setNodeId(1)
                    .setClusterId(Uuid.randomUuid().toString())
                    .setDirectories(List.of(logDir.toString()))
                    .setMetadataLogDirectory(logDir.toString())
                    .setControllerListenerName(CONTROLLER)
                    .run(); // latest production metadata version and feature levels by default
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new IllegalStateException("Kafka storage format of " + logDir + " failed: "
                    + output.toString(StandardCharsets.UTF_8), e);
        }
    }

    /** Ready means what a service needs: an admin client gets an answer listing the broker. */
    private void awaitReady() {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        Exception last = null;
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2_000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3_000))) {
            while (System.nanoTime() < deadline) {
                try {
                    if (!admin.describeCluster().nodes().get(3, TimeUnit.SECONDS).isEmpty()) {
                        return;
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("Interrupted while waiting for Kafka", e);
                } catch (Exception e) {
                    last = e;
                }
                sleep(100);
            }
        }
        throw new IllegalStateException("Kafka at " + bootstrapServers() + " was not ready within "
                + READY_TIMEOUT.toSeconds() + " s (data in " + logDir + ")", last);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for Kafka", e);
        }
    }

    /** A port free now; the broker binds it a moment later (and again after restarts, with SO_REUSEADDR). */
    static int freePort() {
        return FreePorts.next();
    }

    private static void refuseExit(int status, String message) {
        throw new IllegalStateException("Kafka wanted to stop the JVM with status " + status + ": " + message);
    }
}
