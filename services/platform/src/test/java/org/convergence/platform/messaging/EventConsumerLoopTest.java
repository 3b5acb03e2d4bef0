package org.convergence.platform.messaging;

import com.mongodb.MongoSocketReadException;
import com.mongodb.ServerAddress;
import org.apache.kafka.clients.consumer.ConsumerRecord;
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
import org.opentest4j.TestAbortedException;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The consumer loop against the real embedded broker: what it applies, what it dead-letters, how it recovers. */
class EventConsumerLoopTest {

    private final EventPublisher publisher = new EventPublisher();
    private final KafkaClients kafka = TestConfig.kafka(ConvergenceStack.kafkaBootstrapServers(), Map.of());
    /** Keys of the events applied, each once, in the order first applied: an idempotent handler's effects. */
    private final List<String> applied = Collections.synchronizedList(new ArrayList<>());
    private final List<EventConsumerLoop> loops = new ArrayList<>();
    /** Per key, the payload's record the decoder thread read with the envelope (ADR 0044), as handed over. */
    private final Map<String, Object> payloadsRead = new ConcurrentHashMap<>();

    @AfterEach
    void closeEverything() {
        loops.forEach(EventConsumerLoop::close);
        publisher.close();
    }

    @Test
    void hostileRecordsAreDeadLetteredWithTheirReasonAndTheValidOnesAroundThemAreApplied() throws Exception {
        String topic = Topics.create("test.hostile", 1);
        Map<String, byte[]> hostile = new LinkedHashMap<>();
        hostile.put("no-value", null);
        hostile.put("empty", new byte[0]);
        hostile.put("binary", binary(512));
        hostile.put("json-null", bytes("null"));
        hostile.put("json-array", bytes("[]"));
        hostile.put("json-number", bytes("42"));
        hostile.put("json-string", bytes("\"pathway.enrolled\""));
        hostile.put("deep", bytes("[".repeat(200_000)));
        hostile.put("huge", bytes("\"" + "x".repeat(900_000) + "\""));
        hostile.put("no-payload", bytes("""
                {"eventId":"00000000-0000-4000-8000-0000000000e1","type":"territory.registered","schemaVersion":1,"occurredOn":"2020-01-01",
                 "recordedAt":"2026-11-27T10:00:00Z","key":"no-payload"}"""));
        hostile.put("unknown-type", bytes("""
                {"eventId":"00000000-0000-4000-8000-0000000000e2","type":"territory.annexed","schemaVersion":1,"occurredOn":"2020-01-01",
                 "recordedAt":"2026-11-27T10:00:00Z","key":"unknown-type","payload":{}}"""));
        hostile.put("payload-null", bytes("""
                {"eventId":"00000000-0000-4000-8000-0000000000e3","type":"territory.registered","schemaVersion":1,"occurredOn":"2020-01-01",
                 "recordedAt":"2026-11-27T10:00:00Z","key":"payload-null","payload":null}"""));
        List<DeadLetter> told = Collections.synchronizedList(new ArrayList<>());
        EventConsumerLoop hostileLoop = loop(topic, this::applyUnlessHostile, Duration.ofMillis(100), 2);
        hostileLoop.onDeadLetter(told::add);
        hostileLoop.start();

        publisher.publish(topic, territory("first"));
        // A valid envelope under another Kafka key: the key is what keeps a subject's facts in order.
        publisher.raw(topic, "wrong-key", publisher.codec().encode(territory("right-key")));
        hostile.forEach((key, value) -> {
            publisher.raw(topic, key, value);
            publisher.publish(topic, territory("after-" + key));
        });
        publisher.publish(topic, territory("npe"));
        publisher.publish(topic, territory("class-cast"));
        publisher.publish(topic, territory("last"));

        List<String> valid = new ArrayList<>(List.of("first"));
        hostile.keySet().forEach(key -> valid.add("after-" + key));
        valid.add("last");
        await(() -> applied.containsAll(valid));
        assertEquals(valid, List.copyOf(applied), "every valid record applied, in order, and nothing else");
        for (String key : valid) {
            assertEquals(new TerritoryRegisteredV1(key, key, "URBAN"), payloadsRead.get(key),
                    key + ": the payload's record comes read by the decoder, with the envelope (ADR 0044)");
        }

        int expected = hostile.size() + 3;
        Map<String, ConsumerRecord<String, byte[]>> dead = Topics.deadLetters(topic, expected, Duration.ofSeconds(60))
                .stream().collect(Collectors.toMap(ConsumerRecord::key, r -> r, (a, b) -> a));
        Set<String> expectedKeys = new java.util.HashSet<>(hostile.keySet());
        expectedKeys.addAll(List.of("npe", "class-cast", "wrong-key"));
        assertEquals(expectedKeys, dead.keySet(), "each hostile record dead-lettered once");
        for (ConsumerRecord<String, byte[]> record : dead.values()) {
            String reason = Topics.header(record, DeadLetterHeaders.REASON);
            assertTrue(reason != null && !reason.isBlank() && reason.length() <= 1_001, record.key() + ": " + reason);
            assertEquals(topic, Topics.header(record, DeadLetterHeaders.SOURCE_TOPIC));
            String code = Topics.header(record, DeadLetterHeaders.CODE);
            assertEquals(Set.of("npe", "class-cast").contains(record.key()) ? DeadLetterCodes.HANDLER_FAILED
                    : DeadLetterCodes.MALFORMED_RECORD, code, record.key());
        }
        assertTrue(Topics.header(dead.get("wrong-key"), DeadLetterHeaders.REASON).contains("key"));
        Set<String> toldKeys = new java.util.HashSet<>();
        told.forEach(letter -> toldKeys.add(letter.key()));
        assertEquals(expectedKeys, toldKeys, "the listener is told of every dead letter");
        DeadLetter npe = told.stream().filter(letter -> "npe".equals(letter.key())).findFirst().orElseThrow();
        assertEquals("npe", npe.envelope().key(), "a refused record that could be read comes with its envelope");
        assertEquals(DeadLetterCodes.HANDLER_FAILED, npe.code());
        assertTrue(Topics.header(dead.get("npe"), DeadLetterHeaders.REASON).contains("NullPointerException"));
        assertTrue(Topics.header(dead.get("class-cast"), DeadLetterHeaders.REASON).contains("ClassCastException"));
        assertTrue(Topics.header(dead.get("unknown-type"), DeadLetterHeaders.REASON).contains("territory.annexed"));
        assertEquals(0, loops.get(0).restartCount(), "no record stopped the loop: " + loops.get(0).lastFailure());
        assertEquals(EventConsumerLoop.State.RUNNING, loops.get(0).state());
    }

    @Test
    void aLoopReadingByPatternReadsTopicsCreatedAfterItStartedAndDeadLettersToEachRecordsOwnTopic() throws Exception {
        String run = "test.pattern." + UUID.randomUUID().toString().substring(0, 8);
        KafkaClients quick = TestConfig.kafka(ConvergenceStack.kafkaBootstrapServers(),
                Map.of("convergence.consumer.topic-discovery", "300ms"));
        String group = "group-" + UUID.randomUUID();
        List<String> topicsSeen = new CopyOnWriteArrayList<>();
        EventConsumerLoop loop = new EventConsumerLoop(group, Pattern.compile(Pattern.quote(run) + "\\.[a-z]+"),
                () -> quick.consumer(group), () -> quick.producer(group + "-dlq"), publisher.codec(), events -> {
                    Map<Integer, RuntimeException> refused = new java.util.HashMap<>();
                    for (int i = 0; i < events.size(); i++) {
                        topicsSeen.add(events.get(i).topic());
                        if (events.get(i).envelope().key().startsWith("refused")) {
                            refused.put(i, new RejectedEventException("REFUSED_HERE", "refused on purpose"));
                        } else {
                            addOnce(events.get(i).envelope().key());
                        }
                    }
                    return refused;
                }, new EventConsumerLoop.Settings(Duration.ofMillis(200), Duration.ofMillis(100),
                Duration.ofSeconds(2), 1, Duration.ofMinutes(1)));
        loops.add(loop);
        loop.start();
        await(() -> loop.state() == EventConsumerLoop.State.RUNNING);

        // Both topics are created after the loop started, the second once the first was read.
        String first = run + ".alpha";
        publisher.publish(first, territory("first-valid"));
        publisher.publish(first, territory("refused-first"));
        await(() -> applied.contains("first-valid"));
        String second = run + ".beta";
        publisher.publish(second, territory("second-valid"));
        publisher.publish(second, territory("refused-second"));
        publisher.publish(run + ".gamma.v1", territory("not-matched")); // the whole name must match

        await(() -> applied.contains("second-valid"));
        List<ConsumerRecord<String, byte[]>> firstDead = Topics.deadLetters(first, 1, Duration.ofSeconds(30));
        List<ConsumerRecord<String, byte[]>> secondDead = Topics.deadLetters(second, 1, Duration.ofSeconds(30));
        assertEquals(List.of("refused-first"), firstDead.stream().map(ConsumerRecord::key).toList());
        assertEquals(List.of("refused-second"), secondDead.stream().map(ConsumerRecord::key).toList());
        assertEquals("REFUSED_HERE", Topics.header(secondDead.get(0), DeadLetterHeaders.CODE));
        assertEquals(second, Topics.header(secondDead.get(0), DeadLetterHeaders.SOURCE_TOPIC));
        Thread.sleep(1_000);
        assertFalse(applied.contains("not-matched"), "a topic the pattern does not match is not read: " + topicsSeen);
        assertTrue(Set.copyOf(topicsSeen).equals(Set.of(first, second)), topicsSeen.toString());
    }

    @Test
    void aTransientFailureRetriesTheWholeBatchAndDeadLettersNothing() throws Exception {
        String topic = Topics.create("test.transient", 3);
        AtomicBoolean databaseAway = new AtomicBoolean(true);
        EventConsumerLoop loop = loop(topic, events -> {
            if (databaseAway.getAndSet(false)) {
                throw new MongoSocketReadException("database away", new ServerAddress());
            }
            events.forEach(e -> addOnce(e.envelope().key()));
            return Map.of();
        }, Duration.ofMillis(100), 1);
        loop.start();

        publisher.publish(topic, territory("paris"));
        publisher.publish(topic, territory("lyon"));

        await(() -> applied.size() == 2);
        assertEquals(Set.of("paris", "lyon"), Set.copyOf(applied));
        assertEquals(0, loop.deadLetteredCount(), "one attempt only, yet nothing dead-lettered: it was transient");
    }

    @Test
    void aFactWaitingForAnotherIsRetriedUntilKnownThenDeadLetteredPastThePatience() throws Exception {
        String topic = Topics.create("test.later", 1);
        AtomicBoolean known = new AtomicBoolean(false);
        EventConsumerLoop loop = loop(topic, events -> {
            for (ConsumedEvent event : events) {
                String key = event.envelope().key();
                if (key.equals("waits") && !known.get() || key.equals("never")) {
                    throw new RetryLaterException("pathway " + key + " not known yet");
                }
                addOnce(key);
            }
            return Map.of();
        }, Duration.ofMillis(100), 3, Duration.ofSeconds(3));
        loop.start();

        publisher.publish(topic, territory("before"));
        publisher.publish(topic, territory("waits"));
        publisher.publish(topic, territory("behind"));
        await(() -> applied.contains("before"));
        Thread.sleep(500);
        assertEquals(List.of("before"), List.copyOf(applied), "the partition waits: nothing overtakes");

        known.set(true);
        await(() -> applied.contains("behind"));
        assertEquals(List.of("before", "waits", "behind"), List.copyOf(applied));

        publisher.publish(topic, territory("never"));
        publisher.publish(topic, territory("after-never"));
        await(() -> applied.contains("after-never"));
        ConsumerRecord<String, byte[]> dead = Topics.deadLetters(topic, 1, Duration.ofSeconds(30)).get(0);
        assertEquals("never", dead.key());
        assertTrue(Topics.header(dead, DeadLetterHeaders.REASON).startsWith("gave up after waiting"));
        assertEquals(DeadLetterCodes.NOT_KNOWN, Topics.header(dead, DeadLetterHeaders.CODE));
    }

    @Test
    void aConsumerLoopThatStopsRestartsByItselfSaysSoAndLosesNothing() throws Exception {
        String topic = Topics.create("test.restart", 1);
        AtomicBoolean crashOnce = new AtomicBoolean(true);
        List<EventConsumerLoop.State> states = new CopyOnWriteArrayList<>();
        EventConsumerLoop loop = loop(topic, events -> {
            if (crashOnce.getAndSet(false)) {
                throw new InternalError("the loop itself breaks, not a record");
            }
            events.forEach(e -> addOnce(e.envelope().key()));
            return Map.of();
        }, Duration.ofMillis(300), 3);
        loop.start();
        Thread watcher = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                EventConsumerLoop.State state = loop.state();
                if (states.isEmpty() || states.get(states.size() - 1) != state) {
                    states.add(state);
                }
                try {
                    Thread.sleep(2);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        watcher.start();

        publisher.publish(topic, territory("survives"));

        await(() -> applied.contains("survives") && loop.state() == EventConsumerLoop.State.RUNNING);
        watcher.interrupt();
        assertEquals(1, loop.restartCount());
        assertTrue(states.contains(EventConsumerLoop.State.RESTARTING), "readiness shows the restart: " + states);
        assertEquals(EventConsumerLoop.State.RUNNING, loop.state());
        assertTrue(loop.lastFailure().contains("InternalError"));
        assertEquals(0, loop.deadLetteredCount());
    }

    @Test
    void aRecordTooLargeForTheDeadLetterTopicIsDeadLetteredWithoutItsValue() throws Exception {
        String topic = Topics.create("test.large", 1, 200_000);
        loop(topic, this::applyUnlessHostile, Duration.ofMillis(100), 1).start();

        publisher.raw(topic, "large", "y".repeat(300_000));
        publisher.publish(topic, territory("next"));

        await(() -> applied.contains("next"));
        ConsumerRecord<String, byte[]> dead = Topics.deadLetters(topic, 1, Duration.ofSeconds(30)).get(0);
        assertEquals("large", dead.key());
        assertNull(dead.value());
        assertTrue(Topics.header(dead, DeadLetterHeaders.VALUE_DROPPED).contains("300000 bytes"));
        assertTrue(Topics.header(dead, DeadLetterHeaders.REASON).contains("not a valid event envelope"));
    }

    @Test
    void consumptionGoesOnAfterTheBrokerWasAway() throws Exception {
        if (!ConvergenceStack.canRestartKafka()) {
            throw new TestAbortedException("broker restart needs the embedded stack");
        }
        String topic = Topics.create("test.broker", 3);
        loop(topic, this::applyUnlessHostile, Duration.ofMillis(200), 3).start();
        publisher.publish(topic, territory("before"));
        await(() -> applied.contains("before"));

        ConvergenceStack.kafka().restart();
        long back = System.nanoTime();
        try (EventPublisher afterRestart = new EventPublisher()) {
            afterRestart.publish(topic, territory("after"));
        }

        await(() -> applied.contains("after"));
        System.out.printf("consumer applies again %.1f s after the broker restarted%n", (System.nanoTime() - back) / 1e9);
        assertEquals(1, applied.stream().filter("after"::equals).count());
    }

    // ---------------------------------------------------------------- helpers

    /** Applies events by key; the keys "npe" and "class-cast" make the handler fail as a buggy one would. */
    private Map<Integer, RuntimeException> applyUnlessHostile(List<ConsumedEvent> events) {
        for (ConsumedEvent event : events) {
            String key = event.envelope().key();
            payloadsRead.put(key, event.payload() == null ? "none" : event.payload());
            if (key.equals("npe")) {
                String missing = null;
                missing.length();
            }
            if (key.equals("class-cast")) {
                Object notAString = 42;
                addOnce((String) notAString);
            }
            addOnce(key);
        }
        return Map.of();
    }

    private void addOnce(String key) {
        synchronized (applied) {
            if (!applied.contains(key)) {
                applied.add(key);
            }
        }
    }

    private EventConsumerLoop loop(String topic, BatchEventHandler handler, Duration backoff, int poisonAttempts) {
        return loop(topic, handler, backoff, poisonAttempts, Duration.ofMinutes(10));
    }

    private EventConsumerLoop loop(String topic, BatchEventHandler handler, Duration backoff, int poisonAttempts,
                                  Duration patience) {
        String group = "group-" + UUID.randomUUID();
        EventConsumerLoop loop = new EventConsumerLoop(group, List.of(topic), () -> kafka.consumer(group),
                () -> kafka.producer(group + "-dlq"), publisher.codec(), handler,
                new EventConsumerLoop.Settings(Duration.ofMillis(200), backoff, Duration.ofSeconds(2), poisonAttempts,
                        patience));
        loops.add(loop);
        return loop;
    }

    private EventEnvelope territory(String key) {
        return publisher.envelope(EnrolmentEvents.TERRITORY_REGISTERED, new TerritoryRegisteredV1(key, key, "URBAN"),
                LocalDate.of(2020, 1, 1), key, key, null);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] binary(int size) {
        byte[] bytes = new byte[size];
        new Random(7).nextBytes(bytes);
        return bytes;
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
