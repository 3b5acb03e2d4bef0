package org.convergence.embedded;

import java.nio.file.Path;
import java.util.UUID;

/**
 * The servers every test in a JVM shares, started on first use and stopped when the JVM exits, so each
 * test class does not pay a broker start (about 5 s). By default: a real Kafka broker (KRaft) in this JVM
 * with its data under {@code target/}, the in-memory MongoDB-compatible server and an in-memory JWT key.
 * <p>
 * Switch: {@code -Dconvergence.test.stack=containers} (or {@code CONVERGENCE_TEST_STACK=containers}) starts
 * Testcontainers' real {@code mongo:7.0} (replica set) and {@code apache/kafka:4.1.1} images instead. That
 * needs Docker, and {@code org.testcontainers:testcontainers-mongodb} and {@code testcontainers-kafka} on
 * the test class path (optional dependencies of this module). Only the embedded broker can be stopped and
 * restarted by a test: check {@link #canRestartKafka()}.
 */
public final class ConvergenceStack {

    public static final String SWITCH_PROPERTY = "convergence.test.stack";
    public static final String SWITCH_ENV = "CONVERGENCE_TEST_STACK";

    private static Servers servers;
    private static JwtIssuer jwt;

    private ConvergenceStack() {
    }

    /** The running servers of one kind of stack. */
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

    /** The issuer of test tokens; services under test trust its public key. */
    public static synchronized JwtIssuer jwt() {
        if (jwt == null) {
            jwt = JwtIssuer.generate();
        }
        return jwt;
    }

    /** True with the embedded stack: its broker can be stopped and restarted by a test. */
    public static synchronized boolean canRestartKafka() {
        return servers() instanceof Embedded;
    }

    /** The embedded broker, for tests that take Kafka away and bring it back. */
    public static synchronized EmbeddedKafka kafka() {
        if (servers() instanceof Embedded embedded) {
            return embedded.kafka;
        }
        throw new UnsupportedOperationException("The containers test stack (" + SWITCH_PROPERTY
                + "=containers) cannot stop and restart Kafka from a test; check ConvergenceStack.canRestartKafka()");
    }

    private static Servers servers() {
        if (servers == null) {
            servers = useContainers() ? containers() : new Embedded();
            Runtime.getRuntime().addShutdownHook(new Thread(servers::stop, "convergence-test-stack-shutdown"));
        }
        return servers;
    }

    static boolean useContainers() {
        String choice = System.getProperty(SWITCH_PROPERTY, System.getenv(SWITCH_ENV));
        return "containers".equalsIgnoreCase(choice == null ? null : choice.trim());
    }

    private static Servers containers() {
        try {
            return ContainerServers.start();
        } catch (NoClassDefFoundError e) {
            throw new IllegalStateException("The containers test stack needs org.testcontainers:testcontainers-mongodb"
                    + " and org.testcontainers:testcontainers-kafka on the test class path", e);
        }
    }

    private static final class Embedded implements Servers {
        private final EmbeddedMongo mongo;
        private final EmbeddedKafka kafka;

        Embedded() {
            mongo = EmbeddedMongo.inMemory();
            try {
                kafka = EmbeddedKafka.start(Path.of("target", "embedded-kafka-" + UUID.randomUUID()), 0);
            } catch (RuntimeException e) {
                mongo.stop();
                throw e;
            }
        }

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
