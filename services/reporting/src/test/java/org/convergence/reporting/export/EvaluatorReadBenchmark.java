package org.convergence.reporting.export;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.bson.Document;
import org.convergence.embedded.EmbeddedMongo;
import org.convergence.platform.projection.ReadModel;
import org.convergence.reporting.dashboard.Directory;
import org.convergence.reporting.dashboard.FigureTree;
import org.convergence.reporting.figures.FiguresService;
import org.convergence.reporting.figures.ParticipantShare;
import org.convergence.reporting.figures.PathwayRecord;
import org.convergence.reporting.projection.CounterDocuments;
import org.convergence.reporting.projection.FigureCounters;
import org.convergence.reporting.projection.ReportingModel;
import org.convergence.reporting.published.PublishedReports;
import org.convergence.reporting.territories.Deployments;
import org.convergence.testsupport.RawWriteRate;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.Year;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

/**
 * What an evaluator's read of a year costs (ADR 0037 decides secrecy over every chantier of the year; ADR 0040
 * keeps that decision per read-model state): the year's figures of every place read and the one decision taken,
 * at a realistic size, on the embedded server's H2 file backend, beside its raw bulk-upsert rate measured in the
 * same run. Feeding the events through the projection would take longer than the measure, so the read-model
 * documents the per-chantier read uses are written directly, as {@code MillionPathwaysFiguresBenchmark} does
 * (roster buckets with their markers, chantiers, territories, the figure counters of ADR 0031); accompaniment,
 * transition and hours facts are left out (their per-chantier reads are queries of empty buckets here).
 * Run: {@code ./mvnw -B -pl services/reporting -am test -Dbenchmark -Dtest=EvaluatorReadBenchmark
 * -Dsurefire.failIfNoSpecifiedTests=false} ({@code -Dbench.pathways=N}, {@code -Dbench.chantiers=N} per territory).
 */
@Tag("benchmark")
class EvaluatorReadBenchmark {

    private static final int TERRITORIES = 100;
    private static final LocalDate PROGRAMS_SINCE = LocalDate.of(2015, 1, 1);
    private static final String[] CATEGORIES =
            {"DURABLE_EMPLOYMENT", "TRANSITIONAL_EMPLOYMENT", "POSITIVE_EXIT", "OTHER", "NEUTRALISED"};
    private static final Year YEAR = Year.of(2020);

    @Test
    void anEvaluatorsReadOfAYearAtSeveralThousandChantiers() throws Exception {
        int pathways = Integer.getInteger("bench.pathways", 150_000);
        int chantiersPerTerritory = Integer.getInteger("bench.chantiers", 30);
        Path dir = Files.createTempDirectory(Path.of("target"), "bench-evaluator-");
        try (EmbeddedMongo mongo = EmbeddedMongo.h2(dir.resolve("bench.mv"), 0);
             MongoClient client = MongoClients.create(mongo.connectionString())) {
            double upsertsPerSecond = RawWriteRate.bulkUpsert(client.getDatabase("reporting").getCollection("raw"));
            ReportingModel model = new ReportingModel(new ReadModel(client.getDatabase("reporting"), "evaluator"));
            long start = System.nanoTime();
            write(model, pathways, chantiersPerTerritory, new Random(7));
            double writeSeconds = seconds(start);

            ObjectMapper mapper = new ObjectMapper().registerModule(new JavaTimeModule());
            FiguresService figures = new FiguresService(model);
            PublishedReports published = new PublishedReports(client.getDatabase("reporting"), figures,
                    new Deployments(model), model, mapper, Clock.systemUTC());
            start = System.nanoTime();
            published.publish(YEAR, "benchmark");
            double publishSeconds = seconds(start);
            Directory directory = new Directory(model);
            FigureTree tree = new FigureTree(mapper);

            // Before ADR 0040: every request folds every chantier of the year and decides again.
            double[] uncached = new double[2];
            EvaluatorFigures.YearOfFigures read = null;
            for (int run = 0; run < uncached.length; run++) {
                start = System.nanoTime();
                read = new EvaluatorFigures(figures, published, directory, tree, 5, EvaluatorDecisions.NONE)
                        .year(YEAR);
                uncached[run] = seconds(start);
            }
            // ADR 0040: the year's read is kept per read-model state; a request whose state is unchanged reuses it.
            EvaluatorDecisions decisions = new EvaluatorDecisions(() -> "state-1", y -> published.editions(y).toString());
            start = System.nanoTime();
            EvaluatorFigures.YearOfFigures first = new EvaluatorFigures(figures, published, directory, tree, 5,
                    decisions).year(YEAR);
            double firstCached = seconds(start);
            double[] cached = new double[3];
            for (int run = 0; run < cached.length; run++) {
                start = System.nanoTime();
                assertSame(first, new EvaluatorFigures(figures, published, directory, tree, 5, decisions).year(YEAR));
                cached[run] = seconds(start);
            }
            assertEquals(read.secret().byPlace(), first.secret().byPlace(), "the kept decision is the one taken");
            long secretCells = read.secret().byPlace().values().stream().mapToLong(java.util.Set::size).sum();
            System.out.printf("%nevaluator read benchmark: %d pathways, %d territories, %d chantiers written directly "
                            + "in %.1f s; one edition of %s published in %.1f s; embedded server's raw bulk upsert in "
                            + "the same run: %.0f upserts/s%n"
                            + "  every request deciding (ADR 0037): evaluator read of %s %.2f s, %.2f s "
                            + "(%d chantiers read, %d secret cells)%n"
                            + "  kept per read-model state (ADR 0040): first read %.2f s, then %.4f s, %.4f s, %.4f s%n",
                    pathways, TERRITORIES, TERRITORIES * chantiersPerTerritory, writeSeconds, YEAR, publishSeconds,
                    upsertsPerSecond, YEAR, uncached[0], uncached[1], read.chantiers().size(), secretCells,
                    firstCached, cached[0], cached[1], cached[2]);
        }
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }

    /** Territories, chantiers, roster entries over 2016-2025 (70 % with an exit) and the figure counters. */
    private static void write(ReportingModel model, int pathways, int chantiersPerTerritory, Random random) {
        Map<String, LocalDate> starts = new HashMap<>();
        List<Document> territories = new ArrayList<>();
        List<Document> chantiers = new ArrayList<>();
        for (int t = 0; t < TERRITORIES; t++) {
            List<String> ids = new ArrayList<>();
            for (int c = 0; c < chantiersPerTerritory; c++) {
                String chantier = "t" + t + "-c" + c;
                ids.add(chantier);
                starts.put(chantier, PROGRAMS_SINCE);
                chantiers.add(new Document("_id", chantier).append("territoryId", "t" + t).append("name", chantier)
                        .append("programs", new Document("CONVERGENCE", PROGRAMS_SINCE.toString()))
                        .append("applied", List.of(UUID.randomUUID().toString())));
            }
            territories.add(new Document("_id", "t" + t).append("name", "t" + t).append("densityKind", "URBAN")
                    .append("registered", true).append("chantierIds", ids).append("known", true)
                    .append("applied", List.of(UUID.randomUUID().toString())));
        }
        model.territories().insertMany(territories);
        for (int from = 0; from < chantiers.size(); from += 500) {
            model.chantiers().insertMany(chantiers.subList(from, Math.min(chantiers.size(), from + 500)));
        }
        Map<String, Map<String, Long>> counters = new HashMap<>();
        for (int t = 0; t < TERRITORIES; t++) {
            Map<String, Document> buckets = new LinkedHashMap<>();
            int count = pathways / TERRITORIES;
            for (int i = 0; i < count; i++) {
                // Chantier sizes skewed (a few big, many small), as in the field: small cells exist.
                int c = Math.min(chantiersPerTerritory - 1, (int) Math.floor(Math.abs(random.nextGaussian())
                        * chantiersPerTerritory / 2.5));
                String chantier = "t" + t + "-c" + c;
                String participant = UUID.randomUUID().toString();
                String pathway = UUID.randomUUID().toString();
                LocalDate entry = LocalDate.of(2016, 1, 4).plusDays(random.nextInt(365 * 10));
                LocalDate exit = null;
                String category = null;
                if (random.nextInt(10) < 7) {
                    LocalDate candidate = entry.plusDays(30 + random.nextInt(700));
                    if (!candidate.isAfter(LocalDate.of(2025, 12, 31))) {
                        exit = candidate;
                        category = CATEGORIES[random.nextInt(CATEGORIES.length)];
                    }
                }
                Document entryDocument = new Document("participantId", participant).append("program", "CONVERGENCE")
                        .append("entryDate", entry.toString()).append("promotedFrom", null);
                if (exit != null) {
                    entryDocument.append("exitDate", exit.toString()).append("exitCategory", category)
                            .append("checkIns", List.of(1));
                }
                // The roster's layout (ReportingModel.rosterBucketOf, package-private): 16 buckets per chantier.
                String bucketId = ReportingModel.rosterBucketsOf(List.of(chantier))
                        .get(Math.floorMod(pathway.hashCode(), ReportingModel.rosterBucketsOf(List.of(chantier))
                                .size()));
                Document bucket = buckets.computeIfAbsent(bucketId, id -> new Document("_id", id)
                        .append("pathways", new Document())
                        .append("appliedByEntry", new Document("pathways", new Document())));
                bucket.get("pathways", Document.class).append(pathway, entryDocument);
                bucket.get("appliedByEntry", Document.class).get("pathways", Document.class)
                        .append(pathway, List.of(UUID.randomUUID().toString()));
                String exitDate = exit == null ? null : exit.toString();
                PathwayRecord record = FigureCounters.decodeFiled(pathway, FigureCounters.file("t" + t, participant,
                        "CONVERGENCE", chantier, entry.toString(), exitDate, category, null));
                ParticipantShare share = ParticipantShare.of(List.of(record), List.of(record), Map.of(), starts);
                String territory = "t" + t;
                ParticipantShare.increments(ParticipantShare.NONE, share).forEach((path, delta) -> {
                    counters.computeIfAbsent(territory, k -> new HashMap<>()).merge(path, delta, Long::sum);
                    counters.computeIfAbsent(FigureCounters.NATION, k -> new HashMap<>()).merge(path, delta, Long::sum);
                });
            }
            List<Document> documents = new ArrayList<>(buckets.values());
            for (int from = 0; from < documents.size(); from += 200) {
                model.chantierRoster().insertMany(documents.subList(from, Math.min(documents.size(), from + 200)));
            }
        }
        CounterDocuments.write(model, counters);
    }
}
