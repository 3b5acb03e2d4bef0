package org.convergence.reporting.projection;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
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
import org.bson.RawBsonDocument;
import org.bson.codecs.DocumentCodec;
import org.convergence.contracts.EventEnvelope;
import org.convergence.contracts.Topics;
import org.convergence.embedded.ConvergenceStack;
import org.convergence.embedded.EmbeddedMongo;
import org.convergence.platform.messaging.ConsumedEvent;
import org.convergence.platform.messaging.EventConsumerLoop;
import org.convergence.platform.projection.EventMarkers;
import org.convergence.platform.projection.Projection;
import org.convergence.platform.projection.ProjectionBatch;
import org.convergence.platform.projection.ReadModel;
import org.convergence.reporting.History;
import org.convergence.reporting.figures.FiguresService;
import org.convergence.reporting.figures.NationalFigures;
import org.convergence.reporting.figures.TerritoryFigures;
import org.convergence.testsupport.RawWriteRate;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.Year;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * How fast reporting's read model is rebuilt from a topic (a new generation reading from the start), on the
 * embedded server's H2 file backend and the real embedded broker, against the server's raw bulk-upsert rate
 * measured in the same run; then whether the rebuilt figures equal, figure by figure, those of a model built live
 * (the same facts applied in small batches, as they arrive one by one in production).
 * Run: {@code ./mvnw -B -pl services/reporting -am test -Dbenchmark -Dtest=ProjectionRebuildBenchmark
 * -Dsurefire.failIfNoSpecifiedTests=false} ({@code -Dbench.pathways=N} to change the size).
 */
@Tag("benchmark")
class ProjectionRebuildBenchmark {

    private static final int TERRITORIES = 6;
    private static final int CHANTIERS_PER_TERRITORY = 8;
    /** The service's {@code convergence.consumer.max-poll-records}: the largest batch it folds. */
    private static final int MAX_POLL_RECORDS = Integer.getInteger("bench.max-poll-records",
            configuredMaxPollRecords());
    /** {@code -Dbench.compare-live=false} skips the live model and the comparison: for profiling the rebuild alone. */
    private static final boolean COMPARE_LIVE = !"false".equals(System.getProperty("bench.compare-live"));
    /** {@code -Dbench.ceiling=false} skips the layout ceilings (ADR 0048) printed after the rebuild. */
    private static final boolean CEILING = !"false".equals(System.getProperty("bench.ceiling"));
    /** The bucket sizes of the packed layouts the ceiling tries ({@code -Dbench.ceiling.buckets=16,64,256}). */
    private static final String CEILING_BUCKETS = System.getProperty("bench.ceiling.buckets", "16,64,256");
    /**
     * Times every ceiling is measured, one pass after the other ({@code -Dbench.ceiling.passes=N}): the server's
     * write paths are still warming during the first pass, so the last pass is the one to compare layouts by.
     */
    private static final int CEILING_PASSES = Integer.getInteger("bench.ceiling.passes", 2);

    @Test
    void rebuildRateAgainstTheRawBulkUpsertRateAndRebuiltFiguresEqualToLiveOnes() throws Exception {
        int pathways = Integer.getInteger("bench.pathways", 20_000);
        List<EventEnvelope> history = history(pathways, new Random(42));
        // The benchmark's JVM has a broker of its own: the enrolment topic holds only this history.
        String topic = Topics.ENROLMENT;
        publish(topic, history);

        Path dir = Files.createTempDirectory(Path.of("target"), "bench-rebuild-");
        try (EmbeddedMongo mongo = EmbeddedMongo.h2(dir.resolve("bench.mv"), 0);
             MongoClient client = MongoClients.create(mongo.connectionString())) {
            double upsertsPerSecond = RawWriteRate.bulkUpsert(client.getDatabase("reporting").getCollection("raw"));

            ReportingModel live = new ReportingModel(new ReadModel(client.getDatabase("reporting"), "live"));
            long liveStart = System.nanoTime();
            if (COMPARE_LIVE) {
                applyLive(ReportingRuntime.projection(live, History.CODEC), history, new Random(7));
            }
            double liveSeconds = (System.nanoTime() - liveStart) / 1e9;

            ReportingModel rebuilt = new ReportingModel(new ReadModel(client.getDatabase("reporting"), "rebuilt"));
            Projection projection = ReportingRuntime.projection(rebuilt, History.CODEC);
            double seconds = rebuild(topic, projection, history.size());
            double eventsPerSecond = history.size() / seconds;

            long figuresStart = System.nanoTime();
            NationalFigures nation = new FiguresService(rebuilt).national(Year.of(2020));
            double figuresSeconds = (System.nanoTime() - figuresStart) / 1e9;
            int compared = COMPARE_LIVE ? assertSameFigures(new FiguresService(live), new FiguresService(rebuilt)) : 0;

            System.out.printf("%nrebuild benchmark: %d events (%d pathways, batches of up to %d) rebuilt in %.1f s = %.0f events/s, "
                            + "%.2f document writes per event; embedded server's raw bulk upsert in the same run: "
                            + "%.0f upserts/s; rebuild / raw = %.2f (target >= 3)%n"
                            + "  live (batches of 1-20): %.1f s = %.0f events/s; %d figures compared, rebuilt = live; "
                            + "national 2020 figures over %d territories in %.2f s (accompanied %d, exits %d)%n",
                    history.size(), pathways, MAX_POLL_RECORDS, seconds, eventsPerSecond,
                    (double) projection.documentsWritten() / history.size(), upsertsPerSecond,
                    eventsPerSecond / upsertsPerSecond, liveSeconds, history.size() / liveSeconds, compared,
                    TERRITORIES, figuresSeconds, nation.accompanied(), nation.exits());
            System.out.printf("  %d batches stored%n", projection.batches());
            printRosterBucketSizes(rebuilt);
            projection.documentsWrittenByCollection().forEach((name, written) -> System.out.printf(
                    "  %s: %d documents written, %.3f per event%n", name, written, (double) written / history.size()));
            if (CEILING) {
                printLayoutCeilings(LayoutCeiling.of(client, client.getDatabase("reporting"),
                        projection.documentsWrittenByCollection(), projection.batches()), history.size(),
                        eventsPerSecond, upsertsPerSecond, client.getDatabase("reporting").getCollection("raw"));
            }
        }
    }

    /**
     * The layout ceilings (ADR 0048): the rebuilt documents written again with no consumer work, as the rebuild wrote
     * them and packed in buckets, as events of this history per second and against the raw bulk-upsert rate of the
     * run. That rate is printed as the target measures it (first thing in the run, the server's code not yet compiled
     * by the JIT), right before each pass of the ceilings and after the last (the same server warm).
     */
    private static void printLayoutCeilings(LayoutCeiling ceiling, int events, double rebuildRate, double rawRate,
                                            MongoCollection<Document> raw) {
        long writes = ceiling.layout().stream().mapToLong(LayoutCeiling.Written::writes).sum();
        System.out.printf("layout ceiling: the rebuilt documents written again into a fresh database, %d writes "
                + "(%.3f per event) in %d batches as the rebuild, no consumer work:%n", writes, (double) writes / events,
                ceiling.batches());
        for (LayoutCeiling.Written written : ceiling.layout()) {
            System.out.printf("  %-40s %,7d documents, %,9d writes, %,7d bytes and %,5.1f top-level fields on "
                            + "average%n", written.collection(), written.documents().size(), written.writes(),
                    written.bytes() / written.documents().size(), written.documents().stream()
                            .mapToInt(Map::size).average().orElse(0));
        }
        List<String> lines = new ArrayList<>();
        for (int pass = 1; pass <= CEILING_PASSES; pass++) {
            double rawWarm = RawWriteRate.bulkUpsert(raw);
            lines.add(String.format("  pass %d: raw bulk upsert right before it %,.0f upserts/s (\"/ warm raw\")", pass,
                    rawWarm));
            ceilingPass(ceiling, events, rebuildRate, rawRate, rawWarm, writes, lines);
        }
        double rawAfter = RawWriteRate.bulkUpsert(raw);
        lines.forEach(System.out::println);
        System.out.printf("  raw bulk upsert, same server: %,.0f upserts/s first thing in the run (the target's "
                + "yardstick, used for \"/ raw\"), %,.0f after the last pass%n", rawRate, rawAfter);
    }

    /** One pass of every ceiling: the layout as rebuilt, then packed, each written by replacements and by sets. */
    private static void ceilingPass(LayoutCeiling ceiling, int events, double rebuildRate, double rawRate,
                                    double rawWarm, long writes, List<String> lines) {
        for (LayoutCeiling.Mode mode : LayoutCeiling.Mode.values()) {
            double seconds = ceiling.flat(mode);
            lines.add(String.format("  as rebuilt, %-7s: %5.1f s = %,7.0f events/s; / raw = %5.2f (/ warm raw %4.2f); "
                            + "rebuild / ceiling = %.2f (%s)", mode, seconds, events / seconds,
                    events / seconds / rawRate, events / seconds / rawWarm, rebuildRate / (events / seconds),
                    ceiling.lastCheck()));
        }
        LayoutCeiling.Written packed = ceiling.mostWritten();
        for (String k : CEILING_BUCKETS.split(",")) {
            int perBucket = Integer.parseInt(k.trim());
            for (LayoutCeiling.Mode mode : LayoutCeiling.Mode.values()) {
                double seconds = ceiling.bucketed(perBucket, mode);
                long otherWrites = writes - packed.writes();
                lines.add(String.format("  %s packed %3d per bucket, %-7s: %5.1f s = %,7.0f events/s; / raw = %5.2f "
                                + "(/ warm raw %4.2f; %,d bucket writes, %.3f writes per event in all)",
                        packed.collection(), perBucket, mode, seconds, events / seconds, events / seconds / rawRate,
                        events / seconds / rawWarm, ceiling.lastBucketWrites(),
                        (double) (ceiling.lastBucketWrites() + otherWrites) / events));
            }
        }
    }

    /**
     * The average BSON size of a roster bucket and its markers' share, as stored (packed, ADR 0036) and as the list of
     * event-id strings stored before: what each rewrite of a bucket carries.
     */
    private static void printRosterBucketSizes(ReportingModel model) {
        DocumentCodec codec = new DocumentCodec();
        long buckets = 0, bytes = 0, markerBytes = 0, listBytes = 0, listMarkerBytes = 0;
        for (Document bucket : model.chantierRoster().find()) {
            buckets++;
            bytes += bsonSize(bucket, codec);
            Document markers = bucket.get(ProjectionBatch.APPLIED_BY_ENTRY, Document.class);
            markerBytes += bsonSize(markers, codec);
            Document asLists = new Document();
            markers.forEach((field, entries) -> {
                Document lists = new Document();
                ((Document) entries).forEach((key, packed) -> lists.append(key, EventMarkers.read(packed)));
                asLists.append(field, lists);
            });
            long listed = bsonSize(asLists, codec);
            listMarkerBytes += listed;
            listBytes += bsonSize(bucket, codec) - bsonSize(markers, codec) + listed;
        }
        System.out.printf("  roster bucket: %d bytes on average, markers %.0f %% (as lists of strings: %d bytes, "
                        + "markers %.0f %%) over %d buckets%n", bytes / buckets, 100.0 * markerBytes / bytes,
                listBytes / buckets, 100.0 * listMarkerBytes / listBytes, buckets);
    }

    private static long bsonSize(Document document, DocumentCodec codec) {
        return new RawBsonDocument(document, codec).getByteBuffer().remaining();
    }

    /** The default of reporting's application.properties ({@code ${ENV:default}}). */
    private static int configuredMaxPollRecords() {
        java.util.Properties properties = new java.util.Properties();
        try (var in = ProjectionRebuildBenchmark.class.getResourceAsStream("/application.properties")) {
            properties.load(in);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        String value = properties.getProperty("convergence.consumer.max-poll-records", "2000");
        return Integer.parseInt(value.replaceAll("^\\$\\{[^:]*:(.*)}$", "$1"));
    }

    /** The facts in order, in small batches of 1 to 20, some delivered twice: as a live consumer meets them. */
    private static void applyLive(Projection projection, List<EventEnvelope> history, Random random) {
        int i = 0;
        while (i < history.size()) {
            int size = 1 + random.nextInt(20);
            List<EventEnvelope> batch = new ArrayList<>(history.subList(i, Math.min(history.size(), i + size)));
            if (random.nextInt(10) == 0) {
                batch.add(batch.get(0));
            }
            projection.handleAll(History.consumed(batch));
            i += size;
        }
    }

    private static double rebuild(String topic, Projection projection, int events) throws InterruptedException {
        String bootstrap = ConvergenceStack.kafkaBootstrapServers();
        String group = "bench-" + UUID.randomUUID();
        long start = System.nanoTime();
        System.out.println("rebuild benchmark: rebuild starts at " + java.time.Instant.now());
        try (EventConsumerLoop loop = new EventConsumerLoop(group, List.of(topic),
                () -> new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                        ConsumerConfig.GROUP_ID_CONFIG, group, ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                        ConsumerConfig.MAX_POLL_RECORDS_CONFIG, MAX_POLL_RECORDS),
                        new StringDeserializer(), new ByteArrayDeserializer()),
                () -> new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap),
                        new StringSerializer(), new ByteArraySerializer()),
                History.CODEC, projection, EventConsumerLoop.Settings.withRetryBackoff(Duration.ofMillis(200)))) {
            loop.start();
            while (loop.appliedCount() + loop.deadLetteredCount() < events) {
                Thread.sleep(50);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.println("rebuild benchmark: rebuild ends at " + java.time.Instant.now());
            assertEquals(0, loop.deadLetteredCount());
            return seconds;
        }
    }

    /** Every territory's, chantier's and the nation's figures for 2016-2025, compared one by one. */
    private static int assertSameFigures(FiguresService live, FiguresService rebuilt) {
        Map<String, Object> expected = figures(live);
        Map<String, Object> actual = figures(rebuilt);
        assertEquals(expected.keySet(), actual.keySet());
        expected.forEach((name, figure) -> assertEquals(figure, actual.get(name), name));
        return expected.size();
    }

    private static Map<String, Object> figures(FiguresService service) {
        Map<String, Object> all = new TreeMap<>();
        for (int year = 2016; year <= 2025; year++) {
            Year y = Year.of(year);
            int thatYear = year;
            NationalFigures nation = service.national(y);
            all.put("nation " + year, List.of(nation.accompanied(), nation.exits(), nation.fromPremieresHeures(),
                    nation.averagePathwayMonths(), nation.dynamicExits(), nation.premieresHeures()));
            for (TerritoryFigures t : nation.territories()) {
                all.put(t.territoryId() + " " + year, List.of(t.accompanied(), t.exits(), t.fromPremieresHeures(),
                        t.averagePathwayMonths(), t.dynamicExits(), t.premieresHeures()));
                for (int c = 0; c < CHANTIERS_PER_TERRITORY; c++) {
                    String chantier = t.territoryId() + "-c" + c;
                    service.chantier(chantier, y).ifPresent(f -> all.put(chantier + " " + thatYear, List.of(
                            f.figures().accompanied(), f.figures().exits(), f.figures().fromPremieresHeures(),
                            f.figures().averagePathwayMonths(), f.figures().dynamicExits())));
                }
            }
        }
        return all;
    }

    /**
     * Six territories of eight chantiers (one joining Convergence late, one carrying Premières Heures); pathways
     * with exits in every category, entry and exit corrections, promotions from Premières Heures and check-ins.
     */
    private static List<EventEnvelope> history(int pathways, Random random) {
        History history = new History();
        String[] categories = {"DURABLE_EMPLOYMENT", "TRANSITIONAL_EMPLOYMENT", "POSITIVE_EXIT", "OTHER", "NEUTRALISED"};
        for (int t = 0; t < TERRITORIES; t++) {
            String territory = "t" + t;
            history.territory(territory);
            for (int c = 0; c < CHANTIERS_PER_TERRITORY; c++) {
                String chantier = territory + "-c" + c;
                history.chantier(territory, chantier, c == 0 ? "PREMIERES_HEURES" : "CONVERGENCE",
                        LocalDate.of(2015, 1, 1));
            }
            history.programStarted(territory, territory + "-c0", "CONVERGENCE", LocalDate.of(2019, 6, 1));
        }
        for (int i = 0; i < pathways; i++) {
            String territory = "t" + (i % TERRITORIES);
            String chantier = territory + "-c" + random.nextInt(CHANTIERS_PER_TERRITORY);
            String participant = History.uuid();
            LocalDate entry = LocalDate.of(2016, 1, 4).plusDays(random.nextInt(365 * 5));
            History.Pathway pathway = history.pathway(territory, chantier, participant, "CONVERGENCE");
            if (random.nextInt(8) == 0) {
                History.Pathway ph = history.pathway(territory, territory + "-c0", participant, "PREMIERES_HEURES");
                ph.enrolled(entry.minusDays(30 + random.nextInt(300)));
                ph.promoted(entry.minusDays(1), pathway);
                pathway.enrolled(entry, ph.pathwayId);
            } else {
                pathway.enrolled(entry);
            }
            if (random.nextInt(20) == 0) {
                LocalDate corrected = entry.plusDays(random.nextInt(60) - 30);
                pathway.entryCorrected(entry, corrected);
                entry = corrected;
            }
            if (random.nextInt(10) < 7) {
                LocalDate exit = entry.plusDays(30 + random.nextInt(700));
                if (exit.isAfter(LocalDate.of(2025, 12, 31))) {
                    continue;
                }
                pathway.exited(exit, categories[random.nextInt(categories.length)]);
                if (random.nextInt(10) == 0) {
                    pathway.exitCorrected(exit.plusDays(random.nextInt(90)), categories[random.nextInt(4)]);
                }
                pathway.checkIn(exit.plusMonths(1), 1);
            }
        }
        return history.envelopes();
    }

    private static void publish(String topic, List<EventEnvelope> history) throws Exception {
        String bootstrap = ConvergenceStack.kafkaBootstrapServers();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            admin.createTopics(List.of(new NewTopic(topic, 6, (short) 1))).all().get();
        }
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ProducerConfig.LINGER_MS_CONFIG, 20),
                new StringSerializer(), new ByteArraySerializer())) {
            for (EventEnvelope envelope : history) {
                producer.send(new ProducerRecord<>(topic, envelope.key(), History.CODEC.encode(envelope)));
            }
            producer.flush();
        }
    }
}
