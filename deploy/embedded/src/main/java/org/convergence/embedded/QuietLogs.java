package org.convergence.embedded;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Raises the embedded servers' log categories to WARN. Their INFO output (a broker logs every partition
 * change; mongo-java-server logs stack traces for ordinary duplicate-key errors) would bury the logs of the
 * service under test. Kafka and mongo-java-server log through slf4j, which here is bound to JBoss
 * LogManager (from Quarkus); a JUL binding is covered too. A service's own log configuration still wins
 * for categories it sets.
 */
final class QuietLogs {

    /** Broker-side categories only: the service's Kafka client logs ({@code org.apache.kafka.clients}) stay. */
    static final List<String> KAFKA_BROKER = List.of("kafka", "state.change.logger", "org.apache.kafka.controller",
            "org.apache.kafka.raft", "org.apache.kafka.metadata", "org.apache.kafka.image", "org.apache.kafka.server",
            "org.apache.kafka.storage", "org.apache.kafka.coordinator", "org.apache.kafka.queue",
            "org.apache.kafka.snapshot", "org.apache.kafka.network");
    static final List<String> MONGO_SERVER = List.of("de.bwaldvogel");

    /** Strong references: a logger's level may be lost when the logger object is garbage collected. */
    private static final List<Object> KEPT = new ArrayList<>();

    private QuietLogs() {
    }

    static synchronized void warnOnly(List<String> categories) {
        for (String category : categories) {
            Logger jul = Logger.getLogger(category);
            jul.setLevel(Level.WARNING);
            KEPT.add(jul);
            jbossLogger(category);
        }
    }

    /** When JBoss LogManager is not the JUL manager, slf4j still writes to its own log context. */
    private static void jbossLogger(String category) {
        try {
            Class<?> contextType = Class.forName("org.jboss.logmanager.LogContext");
            Object context = contextType.getMethod("getLogContext").invoke(null);
            Object logger = contextType.getMethod("getLogger", String.class).invoke(context, category);
            ((Logger) logger).setLevel(Level.WARNING);
            KEPT.add(logger);
        } catch (ReflectiveOperationException | LinkageError | ClassCastException absent) {
            // No JBoss LogManager on the class path: the JUL level above is all there is to set.
        }
    }
}
