package org.convergence.hours.progression;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.convergence.contracts.IntegrationEventType;
import org.convergence.contracts.IntegrationPayload;
import org.convergence.contracts.Topics;
import org.convergence.contracts.hours.AbsenceMinutesV1;
import org.convergence.contracts.hours.ContractedHoursDecidedV1;
import org.convergence.contracts.hours.HoursEvents;
import org.convergence.contracts.hours.WeekHoursCorrectedV1;
import org.convergence.contracts.hours.WeekHoursRecordedV1;
import org.convergence.embedded.ConvergenceStack;
import org.convergence.embedded.EmbeddedMongo;
import org.convergence.hours.domain.IsoWeek;
import org.convergence.platform.messaging.EventConsumerLoop;
import org.convergence.platform.programs.Program;
import org.convergence.platform.programs.ProgramCatalog;
import org.convergence.platform.projection.Projection;
import org.convergence.platform.projection.ReadModel;
import org.convergence.testsupport.RawWriteRate;
import org.convergence.testsupport.TestEnvelopes;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * How fast the hours service's own read models (the "ready to step up" list, {@link StepUpProjection}) are rebuilt
 * from {@code convergence.hours.v1}: the facts are written to the embedded broker in bulk, then a new consumer
 * group feeds an empty read model on the embedded server's H2 file backend from the start of the topic (what bumping
 * {@code convergence.read-model.generation} does), against the server's raw bulk-upsert rate measured in the same
 * run. Then every chantier's list is checked against the one the generated facts call for.
 *
 * <p>Every fact is a Premières Heures one, the read model's worst case: it keeps nothing of other programs.
 * Run: {@code ./mvnw -B -pl services/hours -am test -Dbenchmark -Dtest=StepUpRebuildBenchmark
 * -Dsurefire.failIfNoSpecifiedTests=false -Dfailsafe.failIfNoSpecifiedTests=false}; {@code -Dbench.facts=N}
 * changes the size (default 100,000; issue 8 asks for 1,000,000), {@code -Dbench.max-poll-records=N} the batch.
 */
@Tag("benchmark")
class StepUpRebuildBenchmark {

    private static final int TERRITORIES = 10;
    private static final int CHANTIERS_PER_TERRITORY = 10;
    private static final int WEEKS = 24;
    private static final int WEEKS_IN_A_ROW = 4;
    private static final int PERCENT = 90;
    private static final AbsenceMinutesV1 NO_ABSENCE = new AbsenceMinutesV1(0, 0, 0, 0);

    @Test
    void rebuildRateOfAMillionHoursFactsAgainstTheRawBulkUpsertRateAndTheListsTheFactsCallFor() throws Exception {
        int facts = Integer.getInteger("bench.facts", 100_000);
        // The hours service keeps the platform's convergence.consumer.max-poll-records (2,000).
        int maxPollRecords = Integer.getInteger("bench.max-poll-records", 2_000);
        String topic = Topics.HOURS;
        long publishStart = System.nanoTime();
        Generated generated = publish(topic, facts, new Random(42));
        double publishSeconds = (System.nanoTime() - publishStart) / 1e9;

        Path dir = Files.createTempDirectory(Path.of("target"), "bench-step-up-");
        try (EmbeddedMongo mongo = EmbeddedMongo.h2(dir.resolve("bench.mv"), 0);
             MongoClient client = MongoClients.create(mongo.connectionString())) {
            double upsertsPerSecond = RawWriteRate.bulkUpsert(client.getDatabase("hours").getCollection("raw"));
            ReadModel model = new ReadModel(client.getDatabase("hours"), "rebuilt");
            StepUpProjection stepUp = new StepUpProjection(model, TestEnvelopes.CODEC, catalog(), WEEKS_IN_A_ROW,
                    PERCENT);
            Projection projection = (Projection) stepUp.stepUpConsumer().handler();
            double seconds = rebuild(topic, projection, generated.facts, maxPollRecords);
            double eventsPerSecond = generated.facts / seconds;
            int listed = assertListsAsTheFactsCallFor(stepUp, generated);

            System.out.printf("%nstep-up rebuild benchmark: %d hours facts (%d pathways, %d published in %.1f s) "
                            + "rebuilt in %.1f s = %.0f events/s (batches of up to %d), %.3f document writes per "
                            + "event; embedded server's raw bulk upsert in the same run: %.0f upserts/s; "
                            + "rebuild / raw = %.2f; %d pathways on a streak, as the facts call for%n",
                    generated.facts, generated.pathways.size(), generated.facts, publishSeconds, seconds,
                    eventsPerSecond, maxPollRecords, (double) projection.documentsWritten() / generated.facts,
                    upsertsPerSecond, eventsPerSecond / upsertsPerSecond, listed);
        }
    }

    /** Premières Heures as the platform's default configuration describes it (4 hours, then 6, then 8). */
    private static ProgramCatalog catalog() {
        return new ProgramCatalog(List.of(new Program(ProgramCatalog.PREMIERES_HEURES,
                new Program.WeeklyHours(4, 20, 4, List.of(4, 6, 8), Optional.empty(), Optional.empty()),
                Optional.empty(), 0, Program.FollowUp.NONE)));
    }

    private static double rebuild(String topic, Projection projection, int events, int maxPollRecords)
            throws InterruptedException {
        String bootstrap = ConvergenceStack.kafkaBootstrapServers();
        String group = "bench-" + UUID.randomUUID();
        long start = System.nanoTime();
        try (EventConsumerLoop loop = new EventConsumerLoop(group, List.of(topic),
                () -> new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                        ConsumerConfig.GROUP_ID_CONFIG, group, ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                        ConsumerConfig.MAX_POLL_RECORDS_CONFIG, maxPollRecords),
                        new StringDeserializer(), new ByteArrayDeserializer()),
                () -> new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap),
                        new StringSerializer(), new ByteArraySerializer()),
                TestEnvelopes.CODEC, projection, EventConsumerLoop.Settings.withRetryBackoff(Duration.ofMillis(200)))) {
            loop.start();
            while (loop.appliedCount() + loop.deadLetteredCount() < events) {
                Thread.sleep(50);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            assertEquals(0, loop.deadLetteredCount());
            return seconds;
        }
    }

    /**
     * Every chantier's list as the generated facts call for it: each pathway on a streak listed with its contract
     * and streak, the others null; computed from the facts with the same rule, not read from the projection.
     */
    private static int assertListsAsTheFactsCallFor(StepUpProjection stepUp, Generated generated) {
        Map<String, Document> listed = new HashMap<>();
        for (Document chantier : stepUp.chantiers().find()) {
            Document pathways = chantier.get("pathways", Document.class);
            pathways.forEach((pathwayId, entry) -> listed.put(pathwayId, (Document) entry));
        }
        assertEquals(generated.pathways.size(), listed.size(), "pathways in the chantiers' lists");
        int onAStreak = 0;
        for (GeneratedPathway pathway : generated.pathways.values()) {
            int streak = stepUp.rule().streak(pathway.minutes, pathway.hours, pathway.contractFrom);
            Document entry = listed.get(pathway.id);
            if (streak == 0) {
                assertEquals(null, entry, pathway.id);
            } else {
                onAStreak++;
                assertEquals(List.of(pathway.hours, streak), List.of(entry.getInteger("weeklyHours"),
                        entry.getInteger("streak")), pathway.id);
            }
        }
        return onAStreak;
    }

    private static final class GeneratedPathway {
        final String id;
        final Map<IsoWeek, Integer> minutes = new HashMap<>();
        int hours;
        LocalDate contractFrom;

        GeneratedPathway(String id) {
            this.id = id;
        }
    }

    private record Generated(int facts, Map<String, GeneratedPathway> pathways) {
    }

    /**
     * Premières Heures pathways of {@value #WEEKS} weeks: a first contract of 4 hours at entry, the weeks worked
     * (most at or near the contract, some short), a step to 6 hours after 12 weeks for half of them, one week in
     * twenty corrected; produced to the topic as they are generated (nothing kept but the expected lists).
     */
    private static Generated publish(String topic, int facts, Random random) throws Exception {
        String bootstrap = ConvergenceStack.kafkaBootstrapServers();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            admin.createTopics(List.of(new NewTopic(topic, 6, (short) 1))).all().get();
        }
        Map<String, GeneratedPathway> pathways = new HashMap<>();
        int sent = 0;
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ProducerConfig.LINGER_MS_CONFIG, 50,
                ProducerConfig.BATCH_SIZE_CONFIG, 512 * 1024, ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4"),
                new StringSerializer(), new ByteArraySerializer())) {
            Sender sender = new Sender(producer, topic);
            while (sent < facts) {
                int t = random.nextInt(TERRITORIES);
                String territory = "t" + t;
                String chantier = territory + "-c" + random.nextInt(CHANTIERS_PER_TERRITORY);
                String participant = UUID.randomUUID().toString();
                GeneratedPathway pathway = new GeneratedPathway(UUID.randomUUID().toString());
                pathways.put(pathway.id, pathway);
                LocalDate entry = LocalDate.of(2019, 1, 7).plusWeeks(random.nextInt(52 * 5));
                Sender.Of of = sender.of(pathway.id, territory, chantier);
                pathway.hours = 4;
                pathway.contractFrom = entry;
                sent += of.send(HoursEvents.CONTRACTED_HOURS_DECIDED, new ContractedHoursDecidedV1(pathway.id,
                        participant, ProgramCatalog.PREMIERES_HEURES, entry, 4, null, "CONTRACT_START", "bench"), entry);
                boolean stepsUp = random.nextBoolean();
                for (int w = 0; w < WEEKS && sent < facts; w++) {
                    LocalDate monday = entry.plusWeeks(w);
                    if (stepsUp && w == WEEKS / 2) {
                        pathway.hours = 6;
                        pathway.contractFrom = monday;
                        sent += of.send(HoursEvents.CONTRACTED_HOURS_DECIDED, new ContractedHoursDecidedV1(
                                pathway.id, participant, ProgramCatalog.PREMIERES_HEURES, monday, 6, 4,
                                "LADDER_STEP", "bench"), monday);
                    }
                    IsoWeek week = IsoWeek.of(monday);
                    int minutes = random.nextInt(10) < 8 ? pathway.hours * 60 - random.nextInt(20)
                            : random.nextInt(pathway.hours * 60);
                    pathway.minutes.put(week, minutes);
                    sent += of.send(HoursEvents.WEEK_HOURS_RECORDED, new WeekHoursRecordedV1(pathway.id, participant,
                            ProgramCatalog.PREMIERES_HEURES, week.toString(), minutes, NO_ABSENCE), monday.plusDays(6));
                    if (random.nextInt(20) == 0 && sent < facts) {
                        int corrected = pathway.hours * 60;
                        pathway.minutes.put(week, corrected);
                        sent += of.send(HoursEvents.WEEK_HOURS_CORRECTED, new WeekHoursCorrectedV1(pathway.id,
                                participant, ProgramCatalog.PREMIERES_HEURES, week.toString(), corrected, NO_ABSENCE),
                                monday.plusDays(8));
                    }
                }
            }
            producer.flush();
        }
        return new Generated(sent, pathways);
    }

    /** Sends a pathway's facts keyed by pathway, as the hours service's relay does. */
    private record Sender(KafkaProducer<String, byte[]> producer, String topic) {

        Of of(String pathwayId, String territoryId, String chantierId) {
            return new Of(pathwayId, territoryId, chantierId);
        }

        final class Of {
            private final String pathwayId;
            private final String territoryId;
            private final String chantierId;

            Of(String pathwayId, String territoryId, String chantierId) {
                this.pathwayId = pathwayId;
                this.territoryId = territoryId;
                this.chantierId = chantierId;
            }

            <P extends IntegrationPayload> int send(IntegrationEventType<P> type, P payload, LocalDate on) {
                producer.send(new ProducerRecord<>(topic, pathwayId, TestEnvelopes.CODEC.encode(TestEnvelopes.envelope(
                        type, payload, on, pathwayId, territoryId, chantierId))));
                return 1;
            }
        }
    }
}
