package org.convergence.hours.bench;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.convergence.contracts.EventEnvelope;
import org.convergence.contracts.Topics;
import org.convergence.contracts.hours.AbsenceMinutesV1;
import org.convergence.contracts.timesheets.TimesheetEvents;
import org.convergence.contracts.timesheets.WeekTimesheetReportedV1;
import org.convergence.embedded.ConvergenceStack;
import org.convergence.embedded.ConvergenceStackResource;
import org.convergence.hours.messaging.TimesheetDoor;
import org.convergence.platform.eventstore.MongoEventStore;
import org.convergence.platform.views.EnrolmentView;
import org.convergence.testsupport.EnrolmentFacts;
import org.convergence.testsupport.Ids;
import org.convergence.testsupport.JvmCpu;
import org.convergence.testsupport.TestEnvelopes;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * How fast weekly timesheets go from the inbound topic through the Kafka door into the event store (rules checked,
 * one stream per pathway-week, batched appends), against the embedded server's raw bulk-insert rate measured in the
 * same run on the same server. Issue 8 asks for at least 2,000 weekly facts per second and at least half the raw
 * rate, and times the facts on to {@code convergence.hours.v1} (what reporting reads), after an untimed warm-up of
 * two weeks. It also prints CPU seconds of the test JVM, steadier than wall-clock on a shared machine. Run: {@code ./mvnw -B -pl services/hours -am verify -Dbenchmark -Dtest=TimesheetIngestionBenchmark
 * -Dsurefire.failIfNoSpecifiedTests=false -DskipITs} ({@code -Dbench.pathways=N -Dbench.weeks=W} to change the size).
 */
@Tag("benchmark")
@QuarkusTest
@WithTestResource(ConvergenceStackResource.class)
class TimesheetIngestionBenchmark {

    private static final AbsenceMinutesV1 NO_ABSENCE = new AbsenceMinutesV1(0, 0, 0, 0);
    private static final int RAW_BATCH = 2_000;

    @Inject
    EnrolmentView view;

    @Inject
    MongoDatabase database;

    @Test
    void timesheetsPerSecondFromTheTopicToTheEventStoreAgainstTheRawBulkInsertRate() throws Exception {
        int pathways = Integer.getInteger("bench.pathways", 1_000);
        int weeks = Integer.getInteger("bench.weeks", 10);
        String territory = Ids.fresh("t");
        String chantier = Ids.fresh("c");
        LocalDate entry = LocalDate.of(2020, 1, 6);
        List<String> ids = new ArrayList<>();
        try (EnrolmentFacts facts = new EnrolmentFacts(territory)) {
            facts.chantier(chantier, "CONVERGENCE", LocalDate.of(2015, 1, 1));
            for (int i = 0; i < pathways; i++) {
                String pathway = UUID.randomUUID().toString();
                facts.enrol(UUID.randomUUID().toString(), pathway, "CONVERGENCE", chantier, entry);
                ids.add(pathway);
            }
        }
        await().atMost(Duration.ofMinutes(5)).until(() -> view.pathways(ids).size() == pathways);

        // Warm-up, not timed: the same path for two other weeks, so that the timed run measures compiled code, not
        // the JIT compiling it (a fresh JVM spent most of a 10,000-fact run's CPU outside the door thread).
        List<ProducerRecord<String, byte[]>> warmUp = timesheets(ids, List.of("2020-W30", "2020-W31"), entry,
                territory, chantier);
        long warmUpBefore = endOffsets(Topics.HOURS);
        publish(warmUp);
        awaitDoorCaughtUp(Topics.timesheetsOf(chantier));
        await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(100))
                .until(() -> endOffsets(Topics.HOURS) - warmUpBefore >= warmUp.size());

        List<String> weekNames = new ArrayList<>();
        for (int w = 0; w < weeks; w++) {
            weekNames.add(String.format("2020-W%02d", 2 + w));
        }
        List<ProducerRecord<String, byte[]>> records = timesheets(ids, weekNames, entry, territory, chantier);

        long hoursBefore = endOffsets(Topics.HOURS);
        long doorCpuBefore = doorThreadCpuNanos();
        long doorBytesBefore = doorThreadAllocatedBytes();
        long decoderCpuBefore = decoderThreadCpuNanos();
        long cpuBefore = JvmCpu.processNanos();
        long start = System.nanoTime();
        publish(records);
        double published = (System.nanoTime() - start) / 1e9;
        awaitDoorCaughtUp(Topics.timesheetsOf(chantier));
        double seconds = (System.nanoTime() - start) / 1e9;
        double doorCpu = (doorThreadCpuNanos() - doorCpuBefore) / 1e9;
        double doorKilobytes = (doorThreadAllocatedBytes() - doorBytesBefore) / 1e3;
        double decoderCpu = (decoderThreadCpuNanos() - decoderCpuBefore) / 1e9;
        double storeCpu = (JvmCpu.processNanos() - cpuBefore) / 1e9;
        await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(100))
                .until(() -> endOffsets(Topics.HOURS) - hoursBefore >= records.size());
        double relayed = (System.nanoTime() - start) / 1e9;
        double relayedCpu = (JvmCpu.processNanos() - cpuBefore) / 1e9;

        assertEquals(records.size(), storedFirstCommits(ids, weeks), "every weekly fact stored once");
        double rate = records.size() / seconds;
        long rawCpuBefore = JvmCpu.processNanos();
        double raw = rawInsertManyRate(records.size());
        double rawCpu = (JvmCpu.processNanos() - rawCpuBefore) / 1e9;
        double relayedRate = records.size() / relayed;
        System.out.printf("bench: timesheet ingestion %d weekly facts (%d pathways x %d weeks) in %.1f s "
                        + "(published in %.1f s) = %.0f facts/s into the event store; %.0f facts/s on to %s "
                        + "(relayed in %.1f s); embedded server raw insertMany %.0f docs/s in the same run; ratio %.2f "
                        + "(store), %.2f (relayed)%n", records.size(), pathways, weeks, seconds, published, rate,
                relayedRate, Topics.HOURS, relayed, raw, rate / raw, relayedRate / raw);
        // On a shared machine wall-clock rates follow the load; CPU seconds of this JVM (the whole embedded stack:
        // broker, server, door, relay) do much less.
        System.out.printf("bench: CPU of the test JVM (embedded broker and server included): %.1f s to store, %.1f s "
                        + "to relay = %.0f facts per CPU-second stored, %.0f relayed; the door thread %.2f ms per fact (its "
                        + "decoder thread %.2f ms more); raw insertMany %.0f docs per CPU-second; ratio %.2f (store), "
                        + "%.2f (relayed)%n", storeCpu,
                relayedCpu, records.size() / storeCpu, records.size() / relayedCpu, doorCpu * 1e3 / records.size(),
                decoderCpu * 1e3 / records.size(),
                records.size() / rawCpu, (records.size() / storeCpu) / (records.size() / rawCpu),
                (records.size() / relayedCpu) / (records.size() / rawCpu));
        System.out.printf("bench: the door thread allocated %.1f KB per fact%n", doorKilobytes / records.size());
    }

    private static List<ProducerRecord<String, byte[]>> timesheets(List<String> pathways, List<String> weeks,
                                                                 LocalDate entry, String territory, String chantier) {
        List<ProducerRecord<String, byte[]>> records = new ArrayList<>(pathways.size() * weeks.size());
        for (String week : weeks) {
            for (String pathway : pathways) {
                EventEnvelope envelope = TestEnvelopes.envelope(TimesheetEvents.WEEK_TIMESHEET_REPORTED,
                        new WeekTimesheetReportedV1(pathway, week, 1_560, NO_ABSENCE), entry, pathway, territory,
                        chantier);
                records.add(new ProducerRecord<>(Topics.timesheetsOf(chantier), pathway,
                        TestEnvelopes.CODEC.encode(envelope)));
            }
        }
        return records;
    }

    private static void publish(List<ProducerRecord<String, byte[]>> records) {
        try (KafkaProducer<String, byte[]> software = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, ConvergenceStack.kafkaBootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.LINGER_MS_CONFIG, 5),
                new StringSerializer(), new ByteArraySerializer())) {
            records.forEach(software::send);
            software.flush();
        }
    }

    /** CPU time of the door's consumer thread(s) so far. */
    private static long doorThreadCpuNanos() {
        return threadCpuNanos("consumer-hours-" + TimesheetDoor.CONSUMER);
    }

    /** CPU time of the door's decoder thread(s) so far (the loop decodes the next poll there, ADR 0035). */
    private static long decoderThreadCpuNanos() {
        return threadCpuNanos("consumer-hours-" + TimesheetDoor.CONSUMER + "-decoder");
    }

    /** Bytes the door's consumer thread(s) allocated so far: the commands, aggregates and appends of its polls. */
    private static long doorThreadAllocatedBytes() {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        String name = "consumer-hours-" + TimesheetDoor.CONSUMER;
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().equals(name))
                .mapToLong(t -> Math.max(0, threads.getThreadAllocatedBytes(t.getId()))).sum();
    }

    private static long threadCpuNanos(String name) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().equals(name))
                .mapToLong(t -> Math.max(0, threads.getThreadCpuTime(t.getId()))).sum();
    }

    /** The sum of the end offsets of the topic's partitions (0 if it does not exist yet). */
    private static long endOffsets(String topic) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                ConvergenceStack.kafkaBootstrapServers()))) {
            if (!admin.listTopics().names().get().contains(topic)) {
                return 0;
            }
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions()
                    .forEach(p -> latest.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest()));
            return admin.listOffsets(latest).all().get().values().stream().mapToLong(o -> o.offset()).sum();
        }
    }

    /** Until the door's group has committed the end of every partition of the topic. */
    private static void awaitDoorCaughtUp(String topic) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                ConvergenceStack.kafkaBootstrapServers()))) {
            await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(100)).until(() -> {
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(
                        "hours-" + TimesheetDoor.CONSUMER).partitionsToOffsetAndMetadata().get();
                Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
                admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic)
                        .partitions().forEach(p -> latest.put(new TopicPartition(topic, p.partition()),
                                OffsetSpec.latest()));
                var ends = admin.listOffsets(latest).all().get();
                return ends.entrySet().stream().allMatch(e -> e.getValue().offset() == 0
                        || (committed.get(e.getKey()) != null
                        && committed.get(e.getKey()).offset() >= e.getValue().offset()));
            });
        }
    }

    private long storedFirstCommits(List<String> pathways, int weeks) {
        MongoCollection<Document> commits = database.getCollection(MongoEventStore.COMMITS);
        long stored = 0;
        for (int w = 0; w < weeks; w++) {
            String week = String.format("2020-W%02d", 2 + w);
            List<String> ids = pathways.stream().map(p -> "hours-week:" + p + ":" + week + ":0").toList();
            stored += commits.countDocuments(Filters.in("_id", ids));
        }
        return stored;
    }

    /** The same number of documents of a commit's size, inserted raw in batches into a scratch collection. */
    private double rawInsertManyRate(int documents) {
        MongoCollection<Document> scratch = database.getCollection("bench_raw_" + UUID.randomUUID().toString()
                .substring(0, 8));
        String payload = "x".repeat(400);
        long start = System.nanoTime();
        for (int done = 0; done < documents; done += RAW_BATCH) {
            List<Document> batch = new ArrayList<>();
            for (int i = done; i < Math.min(documents, done + RAW_BATCH); i++) {
                batch.add(new Document("_id", "raw:" + i).append("payload", payload));
            }
            scratch.insertMany(batch);
        }
        double rate = documents / ((System.nanoTime() - start) / 1e9);
        scratch.drop();
        return rate;
    }
}
