package org.convergence.localstack;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.convergence.platform.kafka.KafkaClients;
import org.convergence.testsupport.RawWriteRate;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The floor of issue 8's ingestion path (ADR 0048): the embedded broker and the embedded database each in its own
 * process, started by {@link LocalStack} exactly as for the whole stack but with no service, and in this JVM a bare
 * pipe doing the same durable steps per weekly fact as the deployed path and nothing else (no decoding rules, no
 * aggregate, no Quarkus):
 * <ol>
 *   <li>timesheet records (the {@link TimesheetFeed#timesheet} bytes, key = pathway) produced to an inbound topic;</li>
 *   <li>stage 1, as the hours service: one consumer group polls; one {@code $in} {@code _id} read of the streams'
 *       last commits; the relay announcement written ({@code insertOne}); one commit document per fact, shaped as the
 *       event store's, in one unordered {@code insertMany}; as the relay: the queue read, the cursors read
 *       ({@code $in}), each fact produced to a second topic with the relay's producer settings, the acknowledgements
 *       awaited, the cursors moved ({@code $max} upserts), the announcement deleted; offsets committed;</li>
 *   <li>stage 2, as reporting: one consumer group polls the second topic, folds the batch in memory, one unordered
 *       bulk write of one upsert per touched pathway document and one of the territory-year counters; offsets
 *       committed.</li>
 * </ol>
 * Prints facts per second end to end, CPU-ms per fact of each process ({@link ProcessCpu}) and of each stage's thread,
 * and the database's raw {@code insertMany} rate in the same run ({@link RawWriteRate}), as
 * {@link TimesheetsToFiguresBenchmarkIT} does for the real path: what no service code could beat on this layout.
 *
 * <p>Run: {@code ./mvnw -B -pl deploy/local-stack -am verify -Dbenchmark -Dit.test=IngestionFloorBenchmarkIT
 * -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false -Dfailsafe.failIfNoSpecifiedTests=false}
 * ({@code -Dbench.pathways=N}, 1,000 by default, ten weeks each as in the stack benchmark; {@code
 * -Dbench.floor.steps}, {@code -Dbench.floor.warm-up-pathways}, {@code -Dbench.raw-warm-up-rounds},
 * {@code -Dbench.floor.produce-first}: see the constants).
 */
@Tag("benchmark")
class IngestionFloorBenchmarkIT {

    private static final int PATHWAYS = Integer.getInteger("bench.pathways", 1_000);
    /**
     * Pathways whose weeks go through the pipe before the timed window ({@code -Dbench.floor.warm-up-pathways}): the
     * database and broker processes are new, and without this the window would count their JIT compilation (the
     * deployed benchmark's window comes after the stack's start-up and the pathways' import).
     */
    private static final int WARM_UP_PATHWAYS = Integer.getInteger("bench.floor.warm-up-pathways", 500);
    private static final int WEEKS = 10;
    private static final int MINUTES_A_WEEK = 26 * 60;
    private static final String TERRITORY = "floor-territory";
    private static final String CHANTIER = "floor-aci";
    private static final String INBOUND = "floor.timesheets";
    private static final String RELAYED = "floor.hours";
    /** The hours door's {@code max.poll.records} (platform default) and reporting's (its application.properties). */
    private static final int HOURS_MAX_POLL = 2_000;
    private static final int REPORTING_MAX_POLL = 10_000;
    /**
     * Which durable steps the pipe does ({@code -Dbench.floor.steps}): {@code full} (default) all of the deployed
     * path's; {@code writes} only the commits' {@code insertMany} in stage 1 and the upserts in stage 2 (no stream
     * read, no relay bookkeeping); {@code kafka} no database at all (what the broker and the clients cost alone);
     * {@code batch} a layout the deployed store does not have, to measure what it would give: stage 1 stores each
     * poll's facts as <em>one</em> document (a batch of events, not a commit per stream) and records the relay's
     * progress with one write per poll; stage 2 as in {@code full}.
     */
    private static final Steps STEPS = Steps.valueOf(System.getProperty("bench.floor.steps", "full").toUpperCase());
    /** How many documents {@link RawWriteRate#insertMany} writes. */
    private static final int RAW_INSERT_MANY_DOCUMENTS = 10_000;
    private static final UpdateOptions UPSERT = new UpdateOptions().upsert(true);
    private static final BulkWriteOptions UNORDERED = new BulkWriteOptions().ordered(false);

    enum Steps { FULL, WRITES, KAFKA, BATCH }

    /**
     * Rounds of the raw {@code insertMany} before the one that is the yardstick. With steps {@code kafka} the database
     * did nothing before it: its first rounds count its JIT, and single rounds still swing after eight (ADR 0058).
     */
    private static final int RAW_WARM_UP_ROUNDS = Integer.getInteger("bench.raw-warm-up-rounds", 8);
    /**
     * Whether the timed facts are produced before the window, stage 1 held meanwhile, so that the window holds the
     * path from the inbound topic alone and not the chantier software's producer beside it (ADR 0058).
     */
    private static final boolean PRODUCE_FIRST = Boolean.getBoolean("bench.floor.produce-first");

    @Test
    void bareDurablePipeFromTheInboundTopicToTheCounters() throws Exception {
        StackLayout run = StackLayout.forTestRun("deploy/local-stack", "bench-floor-");
        // No services: the launcher starts only the database and the broker, each its own process.
        StackLayout layout = new StackLayout(run.repository(), run.dataDir(), run.kafkaPort(), run.mongoPort(), Map.of());
        try (LocalStack stack = new LocalStack(layout); MongoClient hoursClient = MongoClients.create(layout.mongoUri());
             MongoClient reportingClient = MongoClients.create(layout.mongoUri())) {
            stack.start();
            try (Admin admin = Admin.create(Map.of("bootstrap.servers", layout.kafkaBootstrap()))) {
                // Partitions as the deployed path: a chantier's topic has 3, a service-created topic 6.
                admin.createTopics(List.of(new NewTopic(INBOUND, 3, (short) 1), new NewTopic(RELAYED, 6, (short) 1)))
                        .all().get(1, TimeUnit.MINUTES);
            }
            int facts = PATHWAYS * WEEKS;
            Stage hours = new Stage("floor-hours", new HoursStage(hoursClient.getDatabase("floor_hours"),
                    layout.kafkaBootstrap()), layout.kafkaBootstrap(), INBOUND, HOURS_MAX_POLL);
            ReportingStage counting = new ReportingStage(reportingClient.getDatabase("floor_reporting"));
            Stage reporting = new Stage("floor-reporting", counting, layout.kafkaBootstrap(), RELAYED,
                    REPORTING_MAX_POLL);
            hours.startAndAwaitAssignment();
            reporting.startAndAwaitAssignment();
            int warmUp = WARM_UP_PATHWAYS * WEEKS;
            publish(layout.kafkaBootstrap(), WARM_UP_PATHWAYS);
            hours.awaitApplied(warmUp);
            reporting.awaitApplied(warmUp);
            hours.mark();
            reporting.mark();

            double producedFirst = 0;
            if (PRODUCE_FIRST) { // the timesheets wait in the topic: the window holds the path alone
                hours.hold();
                producedFirst = publish(layout.kafkaBootstrap(), PATHWAYS);
            }
            ProcessCpu.Snapshot cpuBefore = ProcessCpu.snapshot(stack.pids());
            Instant windowStart = Instant.now();
            long start = System.nanoTime();
            hours.release();
            double publishSeconds = PRODUCE_FIRST ? producedFirst : publish(layout.kafkaBootstrap(), PATHWAYS);
            hours.awaitApplied(warmUp + facts);
            double relayedSeconds = (System.nanoTime() - start) / 1e9;
            reporting.awaitApplied(warmUp + facts);
            double figureSeconds = (System.nanoTime() - start) / 1e9;
            ProcessCpu.Window cpu = ProcessCpu.snapshot(stack.pids()).since(cpuBefore);
            hours.close();
            reporting.close();

            assertEquals((long) (warmUp + facts) * MINUTES_A_WEEK, counting.minutesCounted(),
                    "every fact counted once");

            if (STEPS != Steps.KAFKA) {
                long stored = 0;
                for (Document document : hoursClient.getDatabase("floor_hours").getCollection("event_commits").find()) {
                    stored += STEPS == Steps.BATCH ? document.getList("facts", Document.class).size() : 1;
                }
                assertEquals(warmUp + facts, stored, "every fact stored once");
            }
            // The yardstick, with the database process's CPU per document it takes (what a fact's writes compare to).
            Map<String, Long> mongo = Map.of(LocalStack.MONGO, stack.pid(LocalStack.MONGO));
            RawWriteRate.warmUpInsertMany(layout.mongoUri(), RAW_WARM_UP_ROUNDS, "ingestion floor");
            ProcessCpu.Snapshot rawBefore = ProcessCpu.snapshot(mongo);
            double rawInsertMany = RawWriteRate.insertMany(layout.mongoUri());
            double rawCpuMsPerDocument = ProcessCpu.snapshot(mongo).since(rawBefore).cpuMs().get(LocalStack.MONGO)
                    / RAW_INSERT_MANY_DOCUMENTS;
            double rate = facts / figureSeconds;
            System.out.printf("%ningestion floor, steps %s, after a warm-up of %,d facts: %,d weekly facts (%,d "
                            + "pathways x %d weeks) produced in %.1f s; stored and relayed by stage 1 after %.1f s = "
                            + "%,.0f facts/s; counted by stage 2 after %.1f s = %,.0f facts/s end to end (target "
                            + "2,000)%n", STEPS, warmUp, facts, PATHWAYS, WEEKS, publishSeconds, relayedSeconds,
                    facts / relayedSeconds, figureSeconds, rate);
            System.out.printf("ingestion floor: the embedded MongoDB in the same run: insertMany %,.0f documents/s; "
                    + "facts/s / insertMany rate = %.2f (target 0.5); the database process's CPU per document of that "
                    + "insertMany: %.3f ms%n", rawInsertMany, rate / rawInsertMany, rawCpuMsPerDocument);
            System.out.printf("ingestion floor: stage threads' own CPU per fact (in this JVM, Kafka client threads "
                            + "not included): stage 1 %.3f ms in %d polls, stage 2 %.3f ms in %d polls%n",
                    hours.cpuMs() / facts, hours.polls(), reporting.cpuMs() / facts, reporting.polls());
            System.out.printf("ingestion floor: CPU used in the timed window (%s to %s UTC), per process and per "
                            + "weekly fact:%n%s", windowStart, windowStart.plusMillis((long) (figureSeconds * 1000)),
                    cpu.table(facts, "fact"));
        }
    }

    /** Ten weeks of new pathways, as {@link TimesheetsToFiguresBenchmarkIT} writes them; returns the seconds taken. */
    private static double publish(String bootstrap, int count) throws Exception {
        long start = System.nanoTime();
        int facts = count * WEEKS;
        List<String> pathways = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            pathways.add(UUID.randomUUID().toString());
        }
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, 5, ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024),
                new StringSerializer(), new ByteArraySerializer())) {
            List<Future<?>> sent = new ArrayList<>(facts);
            for (int week = 2; week < 2 + WEEKS; week++) {
                String isoWeek = "2020-W%02d".formatted(week);
                for (String pathway : pathways) {
                    sent.add(producer.send(new ProducerRecord<>(INBOUND, pathway, TimesheetFeed.timesheet(TERRITORY,
                            CHANTIER, pathway, isoWeek, MINUTES_A_WEEK, 0, UUID.randomUUID().toString()))));
                }
            }
            TimesheetFeed.acknowledged(sent);
        }
        return (System.nanoTime() - start) / 1e9;
    }

    /** What one stage does with one poll; returns when its effects are durable (offsets are committed after). */
    private interface BatchHandler extends AutoCloseable {
        void handle(ConsumerRecords<String, byte[]> records);

        @Override
        default void close() {
        }
    }

    /**
     * Stage 1, as the hours service: the event store's and the relay's durable steps for each poll, in the order a
     * door's commit and the relay's round do them (MongoEventStore, RelayQueue, RelayCursors, EventRelay).
     */
    private static final class HoursStage implements BatchHandler {

        private final MongoCollection<Document> commits;
        private final MongoCollection<Document> queue;
        private final MongoCollection<Document> cursors;
        private final KafkaProducer<String, byte[]> relay;
        /** Each stream's next sequence: this pipe is its streams' only writer. */
        private final Map<String, Long> next = new HashMap<>();

        HoursStage(MongoDatabase database, String bootstrap) {
            commits = database.getCollection("event_commits");
            queue = database.getCollection("relay_queue");
            cursors = database.getCollection("relay_cursors");
            // The relay's settings (KafkaClients.producerSettings: acks from all, idempotent, linger 5 ms, batches of
            // KafkaClients.BATCH_BYTES), stated here because this module's test classpath has the platform jar
            // without its dependencies; the batch size is a compile-time constant, so reading it loads nothing.
            relay = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                    ProducerConfig.CLIENT_ID_CONFIG, "floor-relay", ProducerConfig.ACKS_CONFIG, "all",
                    ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true, ProducerConfig.LINGER_MS_CONFIG, 5,
                    ProducerConfig.BATCH_SIZE_CONFIG, KafkaClients.BATCH_BYTES),
                    new StringSerializer(), new ByteArraySerializer());
        }

        @Override
        public void handle(ConsumerRecords<String, byte[]> records) {
            List<Document> documents = new ArrayList<>(records.count());
            List<String> commitIds = new ArrayList<>(records.count());
            List<String> lastCommits = new ArrayList<>();
            Map<String, Long> moved = new LinkedHashMap<>();
            for (ConsumerRecord<String, byte[]> record : records) {
                String stream = record.key();
                long sequence = next.getOrDefault(stream, 0L);
                if (sequence > 0 && !moved.containsKey(stream)) {
                    lastCommits.add(stream + ":" + (sequence - 1));
                }
                Document timesheet = Document.parse(new String(record.value(), StandardCharsets.UTF_8));
                documents.add(commit(stream, sequence, timesheet));
                commitIds.add(stream + ":" + sequence);
                next.put(stream, sequence + 1);
                moved.put(stream, sequence + 1);
            }
            String announcement = UUID.randomUUID().toString();
            if (STEPS == Steps.FULL) {
                // The door loads the batch's streams together (one $in per commit depth; here the last commit only).
                if (!lastCommits.isEmpty()) {
                    commits.find(Filters.in("_id", lastCommits)).into(new ArrayList<>());
                }
                queue.insertOne(new Document("_id", announcement).append("at", new Date())
                        .append("commits", commitIds));
            }
            if (STEPS == Steps.FULL || STEPS == Steps.WRITES) {
                commits.insertMany(documents, new InsertManyOptions().ordered(false));
            } else if (STEPS == Steps.BATCH) {
                commits.insertOne(new Document("_id", announcement).append("facts", documents));
            }
            if (STEPS == Steps.FULL) {
                // The relay's round: the queue, the cursors, the commits published and acknowledged, cursors moved,
                // the announcement forgotten.
                queue.find().into(new ArrayList<>());
                cursors.find(Filters.in("_id", List.copyOf(moved.keySet()))).into(new ArrayList<>());
            }
            if (STEPS == Steps.BATCH) {
                queue.updateOne(Filters.eq("_id", "published"), Updates.set("last", announcement), UPSERT);
            }
            List<Future<?>> acks = new ArrayList<>(documents.size());
            for (Document commit : documents) {
                Document event = commit.getList("events", Document.class).get(0);
                acks.add(relay.send(new ProducerRecord<>(RELAYED, commit.getString("aggregateId"),
                        event.toJson().getBytes(StandardCharsets.UTF_8))));
            }
            try {
                TimesheetFeed.acknowledged(acks);
            } catch (Exception e) {
                throw new IllegalStateException("relay send failed", e);
            }
            if (STEPS == Steps.FULL) {
                List<WriteModel<Document>> cursorWrites = new ArrayList<>(moved.size());
                moved.forEach((stream, sequence) -> cursorWrites.add(new UpdateOneModel<>(Filters.eq("_id", stream),
                        Updates.max("next", sequence), UPSERT)));
                cursors.bulkWrite(cursorWrites, UNORDERED);
                queue.deleteOne(Filters.eq("_id", announcement));
            }
        }

        /** A commit of one event, shaped as CommitDocument writes it. */
        private static Document commit(String stream, long sequence, Document timesheet) {
            Document event = new Document("id", timesheet.getString("eventId")).append("seq", sequence)
                    .append("type", "org.convergence.hours.WeekReported").append("ts", new Date())
                    .append("payload", timesheet.get("payload", Document.class).append("chantierId", CHANTIER)
                            .append("territoryId", TERRITORY))
                    .append("meta", new Document("correlationId", timesheet.getString("eventId"))
                            .append("source", INBOUND));
            return new Document("_id", stream + ":" + sequence).append("aggregateId", stream)
                    .append("aggregateType", "PathwayHours").append("first", sequence).append("last", sequence)
                    .append("events", List.of(event));
        }

        @Override
        public void close() {
            relay.close(Duration.ofSeconds(10));
        }
    }

    /**
     * Stage 2, as reporting: the batch folded in memory, then one upsert per touched pathway (its minutes and the
     * last event applied, the marker a redelivery is checked against) and one per territory-year counter.
     */
    private static final class ReportingStage implements BatchHandler {

        private final MongoCollection<Document> pathways;
        private final MongoCollection<Document> counters;
        /** The minutes folded, kept in memory when the pipe has no database ({@link Steps#KAFKA}). */
        private final AtomicLong folded = new AtomicLong();

        ReportingStage(MongoDatabase database) {
            pathways = database.getCollection("pathway_hours");
            counters = database.getCollection("territory_years");
        }

        long minutesCounted() {
            if (STEPS == Steps.KAFKA) {
                return folded.get();
            }
            Document counter = counters.find(Filters.eq("_id", TERRITORY + ":2020")).first();
            return counter == null ? 0 : counter.get("minutesWorked", Number.class).longValue();
        }

        @Override
        public void handle(ConsumerRecords<String, byte[]> records) {
            Map<String, long[]> minutesByPathway = new LinkedHashMap<>();
            Map<String, String> lastEventByPathway = new HashMap<>();
            long minutes = 0;
            for (ConsumerRecord<String, byte[]> record : records) {
                Document event = Document.parse(new String(record.value(), StandardCharsets.UTF_8));
                long worked = event.get("payload", Document.class).get("minutesWorked", Number.class).longValue();
                minutesByPathway.computeIfAbsent(record.key(), k -> new long[1])[0] += worked;
                lastEventByPathway.put(record.key(), event.getString("id"));
                minutes += worked;
            }
            List<WriteModel<Document>> writes = new ArrayList<>(minutesByPathway.size() + 1);
            minutesByPathway.forEach((pathway, worked) -> writes.add(new UpdateOneModel<>(Filters.eq("_id", pathway),
                    Updates.combine(Updates.inc("minutesWorked", worked[0]),
                            Updates.set("lastEvent", lastEventByPathway.get(pathway))), UPSERT)));
            writes.add(new UpdateOneModel<>(Filters.eq("_id", TERRITORY + ":2020"),
                    Updates.inc("minutesWorked", minutes), UPSERT));
            if (STEPS == Steps.KAFKA) {
                folded.addAndGet(minutes);
                return;
            }
            pathways.bulkWrite(writes.subList(0, writes.size() - 1), UNORDERED);
            counters.bulkWrite(writes.subList(writes.size() - 1, writes.size()), UNORDERED);
        }
    }

    /** One consumer group's loop on its own thread: poll, handle, commit; counts the records handled. */
    private static final class Stage implements AutoCloseable {

        private final BatchHandler handler;
        private final KafkaConsumer<String, byte[]> consumer;
        private final Thread thread;
        private final CountDownLatch assigned = new CountDownLatch(1);
        private final AtomicLong applied = new AtomicLong();
        private final AtomicReference<Throwable> failure = new AtomicReference<>();
        private volatile boolean running = true;
        /** While set, the loop does not poll (the group keeps its partitions: far below max.poll.interval.ms). */
        private volatile boolean held;
        private volatile long polls;
        /** The loop thread's CPU time so far, updated after each batch. */
        private volatile long cpuNanos;
        private long markedPolls;
        private long markedCpuNanos;

        Stage(String group, BatchHandler handler, String bootstrap, String topic, int maxPollRecords) {
            this.handler = handler;
            consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                    ConsumerConfig.GROUP_ID_CONFIG, group, ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                    ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                    ConsumerConfig.MAX_POLL_RECORDS_CONFIG, maxPollRecords),
                    new StringDeserializer(), new ByteArrayDeserializer());
            consumer.subscribe(List.of(topic));
            thread = new Thread(this::loop, group);
        }

        void startAndAwaitAssignment() throws InterruptedException {
            thread.start();
            if (!assigned.await(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException(thread.getName() + " got no partition within 60 s");
            }
        }

        private void loop() {
            var threads = ManagementFactory.getThreadMXBean();
            try {
                while (running) {
                    if (held) {
                        Thread.sleep(1);
                        continue;
                    }
                    ConsumerRecords<String, byte[]> records = consumer.poll(Duration.ofMillis(50));
                    if (!consumer.assignment().isEmpty()) {
                        assigned.countDown();
                    }
                    if (records.isEmpty()) {
                        continue;
                    }
                    handler.handle(records);
                    consumer.commitSync();
                    cpuNanos = threads.getCurrentThreadCpuTime();
                    polls++;
                    applied.addAndGet(records.count());
                }
            } catch (Throwable e) {
                failure.set(e);
            } finally {
                consumer.close(Duration.ofSeconds(5));
                handler.close();
            }
        }

        void awaitApplied(long count) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
            while (applied.get() < count) {
                if (failure.get() != null) {
                    throw new IllegalStateException(thread.getName() + " failed", failure.get());
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(thread.getName() + ": " + applied.get() + " of " + count);
                }
                Thread.sleep(5);
            }
        }

        void hold() {
            held = true;
        }

        /** Lets the loop poll again; a no-op if it was not held. */
        void release() {
            held = false;
        }

        /** The start of the timed window for {@link #polls()} and {@link #cpuMs()} (after the warm-up). */
        void mark() {
            markedPolls = polls;
            markedCpuNanos = cpuNanos;
        }

        long polls() {
            return polls - markedPolls;
        }

        double cpuMs() {
            return (cpuNanos - markedCpuNanos) / 1e6;
        }

        @Override
        public void close() throws InterruptedException {
            running = false;
            thread.join(30_000);
        }
    }
}
