package org.convergence.platform.messaging;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.health.api.HealthRegistry;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.util.TypeLiteral;
import org.convergence.contracts.enrolment.EnrolmentEvents;
import org.convergence.contracts.enrolment.TerritoryRegisteredV1;
import org.convergence.embedded.ConvergenceStack;
import org.convergence.platform.support.TestConfig;
import org.convergence.platform.support.Topics;
import org.convergence.testsupport.EventPublisher;
import org.eclipse.microprofile.health.HealthCheck;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.lang.annotation.Annotation;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The runtime starts each declared consumer with the batch size of its kind (ADR 0054): a door's poll bounds what
 * its heap holds until its unit of work commits, so a door that polled a projection's batch could run out of memory
 * on a backlog. {@link ConsumerBatchSizeTest} checks the sizes; this checks that the polls get them.
 */
class ConsumerRuntimeTest {

    private static final int RECORDS = 30;

    private final EventPublisher publisher = new EventPublisher();
    private ConsumerRuntime runtime;

    @AfterEach
    void stop() {
        if (runtime != null) {
            runtime.onStop(new ShutdownEvent());
        }
        publisher.close();
    }

    @Test
    void aProjectionAndTheDoorsEachPollAtMostTheBatchOfTheirKind() {
        String topic = Topics.create("test.runtime", 1);
        for (int i = 0; i < RECORDS; i++) {
            String key = "t" + i;
            publisher.publish(topic, EnrolmentEvents.TERRITORY_REGISTERED, new TerritoryRegisteredV1(key, key, "URBAN"),
                    LocalDate.of(2020, 1, 1), key, key, null);
        }
        Map<String, String> settings = Map.of("convergence.consumer.max-poll-records", "7",
                "convergence.consumer.command-poll-records", "3");
        List<Integer> projectionPolls = new CopyOnWriteArrayList<>();
        List<Integer> doorPolls = new CopyOnWriteArrayList<>();
        List<Integer> patternDoorPolls = new CopyOnWriteArrayList<>();
        List<ConsumerDeclaration> declared = List.of(
                new ConsumerDeclaration("figures", Set.of(topic), polled(projectionPolls), true),
                new ConsumerDeclaration("door", Set.of(topic), polled(doorPolls), false),
                // A door on a pattern of topics, as the chantiers' inbound topics are read.
                new ConsumerDeclaration("pattern-door", Set.of(), Pattern.compile(Pattern.quote(topic)),
                        polled(patternDoorPolls), false, DeadLetterListener.NONE));
        runtime = new ConsumerRuntime(TestConfig.platform(settings),
                TestConfig.kafka(ConvergenceStack.kafkaBootstrapServers(), settings), publisher.codec(),
                new Declared(declared), new SimpleMeterRegistry(), new Checks(), new Checks());

        runtime.onStart(new StartupEvent());

        await().atMost(Duration.ofSeconds(60)).until(() -> sum(projectionPolls) >= RECORDS
                && sum(doorPolls) >= RECORDS && sum(patternDoorPolls) >= RECORDS);
        assertEquals(RECORDS, sum(projectionPolls), "each record once: " + projectionPolls);
        assertEquals(RECORDS, sum(doorPolls), "each record once: " + doorPolls);
        assertEquals(RECORDS, sum(patternDoorPolls), "each record once: " + patternDoorPolls);
        assertTrue(projectionPolls.stream().allMatch(size -> size <= 7), "projection polls " + projectionPolls);
        assertTrue(doorPolls.stream().allMatch(size -> size <= 3), "door polls " + doorPolls);
        assertTrue(patternDoorPolls.stream().allMatch(size -> size <= 3), "pattern door polls " + patternDoorPolls);
        // Both groups found all the records waiting: a poll that could take more than 3 did.
        assertTrue(projectionPolls.stream().anyMatch(size -> size > 3), "projection polls " + projectionPolls);
    }

    private static BatchEventHandler polled(List<Integer> polls) {
        return events -> {
            polls.add(events.size());
            return Map.of();
        };
    }

    private static int sum(List<Integer> polls) {
        return polls.stream().mapToInt(Integer::intValue).sum();
    }

    /** The declarations as CDI hands them to the runtime: only iterated. */
    private record Declared(List<ConsumerDeclaration> declarations) implements Instance<ConsumerDeclaration> {

        @Override
        public Iterator<ConsumerDeclaration> iterator() {
            return declarations.iterator();
        }

        @Override
        public Instance<ConsumerDeclaration> select(Annotation... qualifiers) {
            throw new UnsupportedOperationException();
        }

        @Override
        public <U extends ConsumerDeclaration> Instance<U> select(Class<U> subtype, Annotation... qualifiers) {
            throw new UnsupportedOperationException();
        }

        @Override
        public <U extends ConsumerDeclaration> Instance<U> select(TypeLiteral<U> subtype, Annotation... qualifiers) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean isUnsatisfied() {
            return declarations.isEmpty();
        }

        @Override
        public boolean isAmbiguous() {
            return declarations.size() > 1;
        }

        @Override
        public void destroy(ConsumerDeclaration instance) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Handle<ConsumerDeclaration> getHandle() {
            throw new UnsupportedOperationException();
        }

        @Override
        public Iterable<? extends Handle<ConsumerDeclaration>> handles() {
            throw new UnsupportedOperationException();
        }

        @Override
        public ConsumerDeclaration get() {
            throw new UnsupportedOperationException();
        }
    }

    /** A health registry that keeps what is registered. */
    private static final class Checks implements HealthRegistry {

        private final Map<String, Object> checks = new ConcurrentHashMap<>();

        @Override
        public HealthRegistry register(String id, HealthCheck check) {
            checks.put(id, check);
            return this;
        }

        @Override
        public HealthRegistry register(String id, AsyncHealthCheck check) {
            checks.put(id, check);
            return this;
        }

        @Override
        public HealthRegistry remove(String id) {
            checks.remove(id);
            return this;
        }
    }
}
