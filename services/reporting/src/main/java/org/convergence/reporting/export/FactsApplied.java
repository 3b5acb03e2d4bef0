package org.convergence.reporting.export;

import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.convergence.platform.kafka.KafkaClients;
import org.convergence.platform.messaging.ConsumerRuntime;
import org.convergence.platform.messaging.EventConsumerLoop;
import org.jboss.logging.Logger;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * What reporting's read model holds, as a value that changes whenever a fact is applied to it (ADR 0040): the
 * offsets the figures consumer's group has committed on every partition (shared by every replica, so a fact
 * another replica applied moves it too), and this replica's own count of applied and dead-lettered events (which
 * moves as soon as a batch is written, before its commit). The consumer writes a batch, counts it, then commits,
 * so a value read before the figures never claims facts the figures do not hold.
 */
@Singleton
public class FactsApplied {

    private static final Logger LOG = Logger.getLogger(FactsApplied.class);
    /** The projection's consumer (ReportingRuntime declares it under this name). */
    static final String FIGURES_CONSUMER = "figures";

    private final KafkaClients kafka;
    private final ConsumerRuntime consumers;
    private Admin admin;

    public FactsApplied(KafkaClients kafka, ConsumerRuntime consumers) {
        this.kafka = kafka;
        this.consumers = consumers;
    }

    /** The current state, or null when it cannot be told (no consumer, broker away): then nothing is kept. */
    public String state() {
        Optional<EventConsumerLoop> loop = consumers.loop(FIGURES_CONSUMER);
        if (loop.isEmpty()) {
            return null;
        }
        try {
            Map<TopicPartition, OffsetAndMetadata> committed = admin().listConsumerGroupOffsets(loop.get().groupId())
                    .partitionsToOffsetAndMetadata().get(3, TimeUnit.SECONDS);
            Map<String, Long> sorted = new TreeMap<>();
            committed.forEach((p, o) -> sorted.put(p.toString(), o == null ? -1 : o.offset()));
            return loop.get().groupId() + "|" + loop.get().appliedCount() + "|" + loop.get().deadLetteredCount()
                    + "|" + sorted;
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            LOG.debugf("Committed offsets not readable, the evaluator read is not kept: %s", e.toString());
            return null;
        }
    }

    private synchronized Admin admin() {
        if (admin == null) {
            admin = kafka.admin();
        }
        return admin;
    }

    synchronized void onStop(@Observes ShutdownEvent event) {
        if (admin != null) {
            admin.close();
            admin = null;
        }
    }
}
