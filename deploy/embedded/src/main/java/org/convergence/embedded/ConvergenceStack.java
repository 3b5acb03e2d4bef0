package org.convergence.embedded;

import java.nio.file.Path;
import java.util.UUID;

/**
 * The servers every test in a JVM shares, started on first use and stopped when the JVM exits: by default a
 * real Kafka broker (KRaft) and the in-memory MongoDB-compatible server; with
 * {@code -Dconvergence.test.stack=containers} (or {@code CONVERGENCE_TEST_STACK=containers}) Testcontainers'
 * real MongoDB and Kafka images, where a Docker engine exists.
 */
public final class ConvergenceStack {

    private static Servers servers;
    private static JwtIssuer jwt;

    private ConvergenceStack() {
    }

    /** The running servers of the test stack. */
    interface Servers {
        String kafkaBootstrapServers();

        String mongoConnectionString();

        void stop();
    }

    public static synchronized String kafkaBootstrapServers() {
        return servers().kafkaBootstrapServers();
    }

    public static synchronized String mongoConnectionString() {
        return servers().mongoConnectionString();
    }

    public static synchronized JwtIssuer jwt() {
        if (jwt == null) {
            jwt = JwtIssuer.generate();
        }
        return jwt;
    }

    /** Only the embedded broker can be stopped and restarted by a test. */
    public static synchronized boolean canRestartKafka() {
        return servers() instanceof Embedded;
    }

    public static synchronized EmbeddedKafka kafka() {
        if (servers() instanceof Embedded embedded) {
            return embedded.kafka;
        }
        throw new UnsupportedOperationException("The containers stack cannot restart Kafka from a test");
    }

    private static Servers servers() {
        if (servers == null) {
            servers = useContainers() ? ContainerServers.start() : new Embedded();
            Runtime.getRuntime().addShutdownHook(new Thread(servers::stop, "test-stack-shutdown"));
        }
        return servers;
    }

    private static boolean useContainers() {
        String choice = System.getProperty("convergence.test.stack", System.getenv("CONVERGENCE_TEST_STACK"));
        return "containers".equalsIgnoreCase(choice);
    }

    private static final class Embedded implements Servers {
        private final EmbeddedMongo mongo = EmbeddedMongo.inMemory();
        private final EmbeddedKafka kafka = EmbeddedKafka.start(
                Path.of("target", "embedded-kafka-" + UUID.randomUUID()), 0);

        @Override
        public String kafkaBootstrapServers() {
            return kafka.bootstrapServers();
        }

        @Override
        public String mongoConnectionString() {
            return mongo.connectionString();
        }

        @Override
        public void stop() {
            kafka.stop();
            mongo.stop();
        }
    }
}
