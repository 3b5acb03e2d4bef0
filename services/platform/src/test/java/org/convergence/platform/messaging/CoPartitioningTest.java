package org.convergence.platform.messaging;

import org.convergence.contracts.EventEnvelope;
import org.convergence.contracts.enrolment.EnrolmentEvents;
import org.convergence.contracts.enrolment.TerritoryRegisteredV1;
import org.convergence.embedded.ConvergenceStack;
import org.convergence.platform.kafka.KafkaClients;
import org.convergence.platform.support.TestConfig;
import org.convergence.platform.support.Topics;
import org.convergence.testsupport.EventPublisher;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Wave-6 review, finding 5: ADR 0034's co-partitioning (reporting's figures consumer reads enrolment and accompaniment
 * facts of one participant as one writer) was documented, never checked. A loop told its topics must be
 * co-partitioned refuses to run while their partition counts differ: against the real embedded broker.
 */
class CoPartitioningTest {

    private final EventPublisher publisher = new EventPublisher();
    private final KafkaClients kafka = TestConfig.kafka(ConvergenceStack.kafkaBootstrapServers(), Map.of());
    private final List<String> applied = new CopyOnWriteArrayList<>();
    private final List<EventConsumerLoop> loops = new ArrayList<>();

    @AfterEach
    void closeEverything() {
        loops.forEach(EventConsumerLoop::close);
        publisher.close();
    }

    @Test
    void aConsumerWhoseCoPartitionedTopicsHaveDifferentPartitionCountsRefusesToRunAndSaysWhy() throws Exception {
        String enrolment = Topics.create("test.copartitioned.enrolment", 2);
        String accompaniment = Topics.create("test.copartitioned.accompaniment", 1);
        publisher.publish(enrolment, territory("first"));
        EventConsumerLoop loop = loop(enrolment, accompaniment);
        loop.start();

        await(() -> loop.restartCount() > 0);
        assertEquals(EventConsumerLoop.State.RESTARTING, loop.state(), "readiness is DOWN while it refuses");
        assertTrue(loop.lastFailure().contains("must be co-partitioned") && loop.lastFailure().contains("=2")
                && loop.lastFailure().contains("=1"), loop.lastFailure());
        TimeUnit.MILLISECONDS.sleep(500);
        assertEquals(List.of(), applied, "nothing applied while the topics are not co-partitioned");
    }

    @Test
    void aConsumerWhoseCoPartitionedTopicsHaveTheSamePartitionCountRuns() throws Exception {
        String enrolment = Topics.create("test.copartitioned.enrolment", 2);
        String accompaniment = Topics.create("test.copartitioned.accompaniment", 2);
        publisher.publish(enrolment, territory("first"));
        publisher.publish(accompaniment, territory("second"));
        EventConsumerLoop loop = loop(enrolment, accompaniment);
        loop.start();

        await(() -> applied.size() == 2);
        assertEquals(0, loop.restartCount(), String.valueOf(loop.lastFailure()));
    }

    @Test
    void anAssignmentGivingOnePartitionNumberOfOneTopicAndNotOfTheOtherIsRefused() {
        CoPartitioning both = CoPartitioning.of(List.of("a", "b"), Set.of("a", "b"));
        both.requireSamePartitionNumbers(List.of(new org.apache.kafka.common.TopicPartition("a", 0),
                new org.apache.kafka.common.TopicPartition("b", 0)));
        assertThrows(CoPartitioning.ViolatedException.class, () -> both.requireSamePartitionNumbers(List.of(
                new org.apache.kafka.common.TopicPartition("a", 0), new org.apache.kafka.common.TopicPartition("b", 1))));
    }

    private EventConsumerLoop loop(String enrolment, String accompaniment) {
        String group = "group-" + UUID.randomUUID();
        EventConsumerLoop loop = new EventConsumerLoop(group, List.of(enrolment, accompaniment),
                () -> kafka.consumer(group), () -> kafka.producer(group + "-dlq"), publisher.codec(), events -> {
                    events.forEach(event -> applied.add(event.envelope().key()));
                    return Map.of();
                }, new EventConsumerLoop.Settings(Duration.ofMillis(200), Duration.ofMillis(100),
                        Duration.ofSeconds(2), 3, Duration.ofMinutes(10)));
        loop.requireCoPartitioned(Set.of(enrolment, accompaniment));
        loops.add(loop);
        return loop;
    }

    private EventEnvelope territory(String key) {
        return publisher.envelope(EnrolmentEvents.TERRITORY_REGISTERED, new TerritoryRegisteredV1(key, key, "URBAN"),
                LocalDate.of(2020, 1, 1), key, key, null);
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 60 s");
            }
            Thread.sleep(20);
        }
    }
}
