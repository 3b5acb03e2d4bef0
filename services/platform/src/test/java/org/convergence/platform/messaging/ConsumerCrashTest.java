package org.convergence.platform.messaging;

import org.convergence.contracts.EventEnvelope;
import org.convergence.contracts.enrolment.EnrolmentEvents;
import org.convergence.contracts.enrolment.TerritoryRegisteredV1;
import org.convergence.embedded.ConvergenceStack;
import org.convergence.platform.kafka.KafkaClients;
import org.convergence.platform.support.ConsumerProcess;
import org.convergence.platform.support.TestConfig;
import org.convergence.platform.support.Topics;
import org.convergence.testsupport.EventPublisher;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Consumers killed for real: a child JVM running the platform's consumer is halted inside its handler or killed
 * with SIGKILL, then a new consumer of the same group takes over, as a restarted service would.
 */
class ConsumerCrashTest {

    private static final Duration SESSION = Duration.ofSeconds(30);

    private final EventPublisher publisher = new EventPublisher();
    private final Set<String> applied = ConcurrentHashMap.newKeySet();
    private EventConsumerLoop successor;

    @AfterEach
    void closeEverything() {
        if (successor != null) {
            successor.close();
        }
        publisher.close();
    }

    @Test
    void recordsWhoseHandlerDiedBeforeStoringAnythingAreDeliveredAgainToTheNextConsumerOfTheGroup() throws Exception {
        String topic = Topics.create("test.crash", 1);
        String group = "crash-" + UUID.randomUUID();
        for (String key : List.of("t-a", "t-b", "t-c")) {
            publisher.publish(topic, territory(key));
        }

        try (ConsumerProcess crashing = ConsumerProcess.start(ConvergenceStack.kafkaBootstrapServers(), topic, group,
                "replica-1", "halt", SESSION)) {
            crashing.awaitLine("HANDLING", Duration.ofSeconds(60));
            assertEquals(3, crashing.awaitExit(Duration.ofSeconds(30)), "the process died inside its handler");
        }
        successor = successor(topic, group, "replica-1");
        successor.start();

        await(() -> applied.containsAll(Set.of("t-a", "t-b", "t-c")), Duration.ofSeconds(60));
    }

    @Test
    void aConsumerKilledWithoutLeavingItsGroupIsReplacedAtOnceByOneWithTheSameIdentity() throws Exception {
        String topic = Topics.create("test.static", 3);
        String group = "static-" + UUID.randomUUID();
        try (ConsumerProcess first = ConsumerProcess.start(ConvergenceStack.kafkaBootstrapServers(), topic, group,
                "replica-1", "apply", SESSION)) {
            first.awaitLine("ASSIGNED 3", Duration.ofSeconds(60));
            publisher.publish(topic, territory("before"));
            first.awaitLine("APPLIED before", Duration.ofSeconds(30));
            first.kill();
        }

        long killed = System.nanoTime();
        successor = successor(topic, group, "replica-1");
        successor.start();
        for (String key : List.of("after-1", "after-2", "after-3")) {
            publisher.publish(topic, territory(key));
        }
        await(() -> applied.containsAll(Set.of("after-1", "after-2", "after-3")), Duration.ofSeconds(90));
        double seconds = (System.nanoTime() - killed) / 1e9;

        System.out.printf("a consumer killed with SIGKILL was replaced, and new records applied, %.1f s after the "
                + "kill (session timeout %d s)%n", seconds, SESSION.toSeconds());
        // Without static membership the group would wait for the dead member's session to expire (30 s).
        assertTrue(seconds < SESSION.toSeconds() / 2.0, "replaced after " + seconds + " s");
    }

    /**
     * ADR 0046: a door's consumer reads every chantier's topic by pattern. Restarted with its identity after a
     * chantier's topic was created while it was away, a static member would get back its old assignment, without
     * that topic, and never read it (KAFKA-12759); topic discovery is set far beyond the test so that only the join
     * can bring the topic in.
     */
    @Test
    void aPatternConsumerRestartedWithItsIdentityReadsATopicCreatedWhileItWasAway() throws Exception {
        String run = "test.away." + UUID.randomUUID().toString().substring(0, 8);
        Pattern pattern = Pattern.compile(Pattern.quote(run) + "\\.[a-z]+");
        String group = "away-" + UUID.randomUUID();
        KafkaClients kafka = TestConfig.kafka(ConvergenceStack.kafkaBootstrapServers(), Map.of(
                "convergence.consumer.instance-id", "replica-1",
                "convergence.consumer.session-timeout", "10s",
                "convergence.consumer.topic-discovery", "10m"));
        publisher.publish(run + ".alpha", territory("before"));
        EventConsumerLoop away = patternLoop(kafka, group, pattern);
        away.start();
        try {
            await(() -> applied.contains("before"), Duration.ofSeconds(60));
        } finally {
            away.close();
        }

        publisher.publish(run + ".beta", territory("created-while-away"));
        successor = patternLoop(kafka, group, pattern);
        successor.start();

        await(() -> applied.contains("created-while-away"), Duration.ofSeconds(90));
    }

    private EventConsumerLoop patternLoop(KafkaClients kafka, String group, Pattern pattern) {
        return new EventConsumerLoop(group, pattern, () -> kafka.patternConsumer(group),
                () -> kafka.producer(group + "-dlq"), publisher.codec(), events -> {
                    events.forEach(e -> applied.add(e.envelope().key()));
                    return Map.of();
                }, EventConsumerLoop.Settings.withRetryBackoff(Duration.ofMillis(200)));
    }

    private EventConsumerLoop successor(String topic, String group, String instanceId) {
        KafkaClients kafka = TestConfig.kafka(ConvergenceStack.kafkaBootstrapServers(), Map.of(
                "convergence.consumer.instance-id", instanceId,
                "convergence.consumer.session-timeout", SESSION.toMillis() + "ms"));
        return new EventConsumerLoop(group, List.of(topic), () -> kafka.consumer(group),
                () -> kafka.producer(group + "-dlq"), publisher.codec(), events -> {
                    events.forEach(e -> applied.add(e.envelope().key()));
                    return Map.of();
                }, EventConsumerLoop.Settings.withRetryBackoff(Duration.ofMillis(200)));
    }

    private EventEnvelope territory(String key) {
        return publisher.envelope(EnrolmentEvents.TERRITORY_REGISTERED, new TerritoryRegisteredV1(key, key, "URBAN"),
                LocalDate.of(2020, 1, 1), key, key, null);
    }

    private static void await(BooleanSupplier condition, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within " + timeout);
            }
            TimeUnit.MILLISECONDS.sleep(20);
        }
    }
}
