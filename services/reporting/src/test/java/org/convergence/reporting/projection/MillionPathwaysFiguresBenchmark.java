package org.convergence.reporting.projection;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import org.bson.Document;
import org.convergence.contracts.EventEnvelope;
import org.convergence.embedded.EmbeddedMongo;
import org.convergence.platform.projection.ReadModel;
import org.convergence.reporting.History;
import org.convergence.reporting.figures.AccompanimentRecord;
import org.convergence.reporting.figures.FiguresService;
import org.convergence.reporting.figures.HoursRecord;
import org.convergence.reporting.figures.HoursShare;
import org.convergence.reporting.figures.PremieresHeuresContractShare;
import org.convergence.reporting.figures.NationalFigures;
import org.convergence.reporting.figures.ParticipantShare;
import org.convergence.reporting.figures.PathwayRecord;
import org.convergence.reporting.figures.TerritoryFigures;
import org.convergence.testsupport.RawWriteRate;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.Year;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * How long the national and one territory's figures for a year take at the generalisation target (a million
 * pathways over the years), on the embedded server's H2 file backend, against its raw bulk-upsert rate measured in
 * the same run, read from the per-territory-year aggregates (ADR 0028) and, for comparison, from scratch over every
 * roster entry. Feeding 2.5 million events through the projection would take longer than the measure itself, so the
 * read-model documents are written directly in bulk, as the projection lays them out (roster entries with their
 * event markers, chantiers, territories, the Premières Heures index, the per-territory-year aggregates, the figure
 * counters of ADR 0031); a first step proves the direct writer right:
 * the same stories fed as events through the projection give, figure by figure, the same figures.
 * Run: {@code ./mvnw -B -pl services/reporting -am test -Dbenchmark -Dtest=MillionPathwaysFiguresBenchmark
 * -Dsurefire.failIfNoSpecifiedTests=false} ({@code -Dbench.pathways=N} to change the size).
 */
@Tag("benchmark")
class MillionPathwaysFiguresBenchmark {

    private static final int TERRITORIES = 100;
    private static final int CHANTIERS_PER_TERRITORY = 15;
    private static final LocalDate PROGRAMS_SINCE = LocalDate.of(2015, 1, 1);
    private static final LocalDate LATE_CONVERGENCE = LocalDate.of(2019, 6, 1);
    private static final Map<String, LocalDate> CONVERGENCE_STARTS = convergenceStarts();
    private static final String[] CATEGORIES =
            {"DURABLE_EMPLOYMENT", "TRANSITIONAL_EMPLOYMENT", "POSITIVE_EXIT", "OTHER", "NEUTRALISED"};

    /** One participant's Convergence pathway, perhaps after a Premières Heures one, perhaps with its exit. */
    private record Story(String territoryId, String chantierId, String participantId, String pathwayId,
                         LocalDate entry, LocalDate exit, String category, String phPathwayId, LocalDate phEntry,
                         Accompaniment accompaniment) {
    }

    /**
     * The Convergence pathway's accompaniment (ADR 0034): its entry assessment, with or without a housing barrier,
     * the housing barrier's later statuses, and the health-rights openings; null when no assessment was recorded.
     */
    private record Accompaniment(LocalDate assessedOn, boolean housingBarrier, List<LocalDate> housingOn,
                                 List<String> housingStatus, List<LocalDate> openings) {

        AccompanimentRecord record(String pathwayId, String participantId) {
            List<AccompanimentRecord.StatusChange> housing = new ArrayList<>();
            if (housingBarrier) {
                housing.add(new AccompanimentRecord.StatusChange(assessedOn, "IDENTIFIED"));
            }
            for (int i = 0; i < housingOn.size(); i++) {
                housing.add(new AccompanimentRecord.StatusChange(housingOn.get(i), housingStatus.get(i)));
            }
            return new AccompanimentRecord(pathwayId, participantId, assessedOn, housingBarrier, housing, openings);
        }
    }


    @Test
    void nationalAndTerritoryFiguresOfAYearOverAMillionPathways() throws Exception {
        int pathways = Integer.getInteger("bench.pathways", 1_000_000);
        Path dir = Files.createTempDirectory(Path.of("target"), "bench-million-");
        try (EmbeddedMongo mongo = EmbeddedMongo.h2(dir.resolve("bench.mv"), 0);
             MongoClient client = MongoClients.create(mongo.connectionString())) {
            double upsertsPerSecond = RawWriteRate.bulkUpsert(client.getDatabase("reporting").getCollection("raw"));
            int compared = directWriterMatchesTheProjection(client);

            ReportingModel model = new ReportingModel(new ReadModel(client.getDatabase("reporting"), "million"));
            long writeStart = System.nanoTime();
            List<Story> premieresHeuresStories = new ArrayList<>();
            int written = writeDirectly(model, pathways, new Random(42), premieresHeuresStories);
            double writeSeconds = (System.nanoTime() - writeStart) / 1e9;

            FiguresService figures = new FiguresService(model);
            FiguresService fromScratch = figures.fromScratch();
            double[] national = new double[3];
            double[] territory = new double[3];
            NationalFigures nation = null;
            TerritoryFigures seventh = null;
            for (int run = 0; run < 3; run++) {
                long start = System.nanoTime();
                nation = figures.national(Year.of(2020));
                national[run] = (System.nanoTime() - start) / 1e9;
                start = System.nanoTime();
                seventh = figures.territory("t7", Year.of(2020)).orElseThrow();
                territory[run] = (System.nanoTime() - start) / 1e9;
            }
            long start = System.nanoTime();
            NationalFigures nationFromScratch = fromScratch.national(Year.of(2020));
            double nationalFromScratch = (System.nanoTime() - start) / 1e9;
            start = System.nanoTime();
            TerritoryFigures seventhFromScratch = fromScratch.territory("t7", Year.of(2020)).orElseThrow();
            double territoryFromScratch = (System.nanoTime() - start) / 1e9;
            assertEquals(withoutAsOf(nationFromScratch), withoutAsOf(nation), "national 2020 at full size");
            assertEquals(withoutAsOf(seventhFromScratch), withoutAsOf(seventh), "t7 2020 at full size");
            System.out.printf("%nmillion-pathways figures benchmark: %d pathways (%d territories, %d chantiers, "
                            + "%d roster buckets and their per-territory-year aggregates written directly in %.1f s; "
                            + "direct writer = projection on %d figure sets); embedded server's raw bulk upsert in "
                            + "the same run: %.0f upserts/s%n"
                            + "  from the counters (ADR 0031): national 2020 figures %.2f s, %.2f s, %.2f s (accompanied %d, "
                            + "exits %d); territory t7 2020 %.2f s, %.2f s, %.2f s (accompanied %d) (target < 1 s)%n"
                            + "  from scratch (every roster entry): national 2020 %.2f s, territory t7 2020 %.2f s; "
                            + "both equal the figures from the counters%n",
                    pathways, TERRITORIES, TERRITORIES * CHANTIERS_PER_TERRITORY, written, writeSeconds, compared,
                    upsertsPerSecond, national[0], national[1], national[2], nation.accompanied(), nation.exits(),
                    territory[0], territory[1], territory[2], seventh.accompanied(), nationalFromScratch,
                    territoryFromScratch);
            System.out.printf("  with accompaniment facts on 60 %% of the Convergence pathways (ADR 0034): national "
                            + "2020 housing resolved %s, health rights opened %s; t7 housing %s, health %s%n",
                    nation.housingResolved(), nation.healthRightsOpened(), seventh.housingResolved(),
                    seventh.healthRightsOpened());

            // Hours facts too: every Premières Heures pathway's first weeks and its first ladder step.
            start = System.nanoTime();
            int hoursEntries = writeHours(model, premieresHeuresStories);
            double hoursWriteSeconds = (System.nanoTime() - start) / 1e9;
            double[] nationalWithHours = new double[3];
            double[] territoryWithHours = new double[3];
            for (int run = 0; run < 3; run++) {
                start = System.nanoTime();
                nation = figures.national(Year.of(2020));
                nationalWithHours[run] = (System.nanoTime() - start) / 1e9;
                start = System.nanoTime();
                seventh = figures.territory("t7", Year.of(2020)).orElseThrow();
                territoryWithHours[run] = (System.nanoTime() - start) / 1e9;
            }
            start = System.nanoTime();
            nationFromScratch = fromScratch.national(Year.of(2020));
            nationalFromScratch = (System.nanoTime() - start) / 1e9;
            start = System.nanoTime();
            seventhFromScratch = fromScratch.territory("t7", Year.of(2020)).orElseThrow();
            territoryFromScratch = (System.nanoTime() - start) / 1e9;
            assertEquals(withoutAsOf(nationFromScratch), withoutAsOf(nation), "national 2020 with hours facts");
            assertEquals(withoutAsOf(seventhFromScratch), withoutAsOf(seventh), "t7 2020 with hours facts");
            System.out.printf("  with hours facts on every Premières Heures pathway too (%d entries written in %.1f s; "
                            + "hours worked and step-ups from the counters, ADR 0039; the contracts from the counters too, ADR 0041): national 2020 %.2f s, %.2f s, %.2f s (hours "
                            + "worked in Premières Heures %d, step-ups %d, %s); territory t7 2020 %.2f s, %.2f s, %.2f s; from "
                            + "scratch: national %.2f s, territory %.2f s; equal%n",
                    hoursEntries, hoursWriteSeconds, nationalWithHours[0], nationalWithHours[1], nationalWithHours[2],
                    nation.hours().workedPremieresHeures(), nation.hours().stepUpsDecided(),
                    nation.hours().premieresHeuresContracts(), territoryWithHours[0],
                    territoryWithHours[1], territoryWithHours[2], nationalFromScratch, territoryFromScratch);
        }
    }

    /**
     * The hours roster entries and year documents as the hours handlers leave them, for each Premières Heures
     * pathway: its first four ISO weeks worked (4 hours each) and a ladder step to 6 hours two weeks in (ADR 0057).
     */
    private static int writeHours(ReportingModel model, List<Story> premieresHeures) {
        Map<String, Document> buckets = new LinkedHashMap<>();
        Map<String, Document> years = new LinkedHashMap<>();
        Map<String, Map<String, Long>> counters = new LinkedHashMap<>();
        for (Story s : premieresHeures) {
            Document weeks = new Document();
            for (int w = 0; w < 4; w++) {
                LocalDate day = s.phEntry().plusWeeks(w);
                String week = String.format("%d-W%02d", day.get(java.time.temporal.IsoFields.WEEK_BASED_YEAR),
                        day.get(java.time.temporal.IsoFields.WEEK_OF_WEEK_BASED_YEAR));
                weeks.append(week, 240);
                String year = week.substring(0, 4);
                Document document = years.computeIfAbsent(ReportingModel.hoursWeeksOf(s.phPathwayId(), week),
                        id -> new Document("_id", id).append(ReportingModel.HOURS_YEAR, new Document(year,
                                new Document("program", "PREMIERES_HEURES").append("participantId", s.participantId())
                                        .append("weeks", new Document())))
                                .append("appliedByEntry", new Document(ReportingModel.HOURS_YEAR,
                                        new Document(year, new ArrayList<String>()))));
                document.get(ReportingModel.HOURS_YEAR, Document.class).get(year, Document.class)
                        .get("weeks", Document.class).append(week, 240);
                document.get("appliedByEntry", Document.class).get(ReportingModel.HOURS_YEAR, Document.class)
                        .getList(year, String.class).add(UUID.randomUUID().toString());
            }
            Document entry = new Document("participantId", s.participantId()).append("program", "PREMIERES_HEURES")
                    .append("contracts", List.of(new Document("from", s.phEntry().plusWeeks(2).toString())
                            .append("hours", 6).append("reason", "LADDER_STEP")
                            .append("event", UUID.randomUUID().toString())));
            put(buckets, s.territoryId() + "-c0", s.phPathwayId(), entry, 5);
            // The hours counters (ADR 0039): each pathway's share, as the hours handlers add it, to the nation
            // and its territory.
            Map<String, Long> share = HoursShare.of("PREMIERES_HEURES", weeks.entrySet().stream().collect(
                    java.util.stream.Collectors.toMap(Map.Entry::getKey, e -> (Integer) e.getValue())),
                    List.of(new HoursRecord.Decision(s.phEntry().plusWeeks(2), 6, "LADDER_STEP")));
            for (String scope : List.of(FigureCounters.NATION, s.territoryId())) {
                share.forEach((path, value) -> counters.computeIfAbsent(scope, k -> new LinkedHashMap<>())
                        .merge(path, value, Long::sum));
            }
            // The Premières Heures contract distribution (ADR 0041): the participant's share, by the code the
            // participant's contracts document is counted with, over their pathway's dates and its decision.
            PathwayRecord ph = new PathwayRecord(s.phPathwayId(), s.participantId(), "PREMIERES_HEURES",
                    s.territoryId(), s.territoryId() + "-c0", s.phEntry(), s.entry().minusDays(1), null, s.pathwayId());
            PremieresHeuresContractShare.of(List.of(ph), Map.of(s.phPathwayId(), new HoursRecord(s.phPathwayId(),
                    s.participantId(), "PREMIERES_HEURES", s.territoryId() + "-c0",
                    List.of(new HoursRecord.Decision(s.phEntry().plusWeeks(2), 6, "LADDER_STEP")), Map.of())))
                    .forEach((scope, paths) -> paths.forEach((path, value) -> counters
                            .computeIfAbsent(scope, k -> new LinkedHashMap<>()).merge(path, value, Long::sum)));
        }
        List<Document> documents = new ArrayList<>(buckets.values());
        for (int from = 0; from < documents.size(); from += 200) {
            model.hoursRoster().insertMany(documents.subList(from, Math.min(documents.size(), from + 200)));
        }
        List<Document> yearDocuments = new ArrayList<>(years.values());
        for (int from = 0; from < yearDocuments.size(); from += 200) {
            model.hoursWeeks().insertMany(yearDocuments.subList(from, Math.min(yearDocuments.size(), from + 200)));
        }
        counters.forEach((scope, sums) -> model.figureCounters().updateOne(new Document("_id", scope),
                new Document("$inc", new Document(new LinkedHashMap<>(sums))), new com.mongodb.client.model.UpdateOptions().upsert(true)));
        return premieresHeures.size();
    }

    /** The first chantier of each territory carries Premières Heures and joined Convergence late. */
    private static Map<String, LocalDate> convergenceStarts() {
        Map<String, LocalDate> starts = new HashMap<>();
        for (int t = 0; t < TERRITORIES; t++) {
            for (int c = 0; c < CHANTIERS_PER_TERRITORY; c++) {
                starts.put("t" + t + "-c" + c, c == 0 ? LATE_CONVERGENCE : PROGRAMS_SINCE);
            }
        }
        return starts;
    }

    /** Every figure of a record but the time it was computed at. */
    private static String withoutAsOf(Record figures) {
        return figures.toString().replaceAll("asOf=[^,\\]]*", "");
    }

    /** The same 3,000 stories fed as events and written directly: every figure of 2016-2025 equal. */
    private static int directWriterMatchesTheProjection(MongoClient client) {
        ReportingModel fed = new ReportingModel(new ReadModel(client.getDatabase("reporting"), "fed"));
        ReportingModel direct = new ReportingModel(new ReadModel(client.getDatabase("reporting"), "direct"));
        int pathways = 3_000;
        History history = new History();
        for (int t = 0; t < TERRITORIES; t++) {
            String territory = "t" + t;
            history.territory(territory);
            for (int c = 0; c < CHANTIERS_PER_TERRITORY; c++) {
                String chantier = territory + "-c" + c;
                history.chantier(territory, chantier, c == 0 ? "PREMIERES_HEURES" : "CONVERGENCE", PROGRAMS_SINCE);
            }
            history.programStarted(territory, territory + "-c0", "CONVERGENCE", LATE_CONVERGENCE);
        }
        List<Story> stories = new ArrayList<>();
        Random random = new Random(11);
        for (int t = 0; t < TERRITORIES; t++) {
            for (int i = 0; i < pathways / TERRITORIES; i++) {
                Story story = story("t" + t, random);
                History.Pathway pathway = history.pathway(story.territoryId(), story.chantierId(),
                        story.participantId(), "CONVERGENCE");
                String phPathwayId = null;
                if (story.phPathwayId() != null) {
                    History.Pathway ph = history.pathway(story.territoryId(), story.territoryId() + "-c0",
                            story.participantId(), "PREMIERES_HEURES");
                    ph.enrolled(story.phEntry());
                    ph.promoted(story.entry().minusDays(1), pathway);
                    pathway.enrolled(story.entry(), ph.pathwayId);
                    phPathwayId = ph.pathwayId;
                } else {
                    pathway.enrolled(story.entry());
                }
                if (story.exit() != null) {
                    pathway.exited(story.exit(), story.category());
                    pathway.checkIn(story.exit().plusMonths(1), 1);
                }
                Accompaniment a = story.accompaniment();
                if (a != null) {
                    pathway.assessed(a.assessedOn(), a.housingBarrier() ? List.of("HOUSING", "HEALTH")
                            : List.of("HEALTH"));
                    for (int h = 0; h < a.housingOn().size(); h++) {
                        pathway.housing(a.housingOn().get(h), a.housingStatus().get(h));
                    }
                    a.openings().forEach(pathway::healthRightsOpened);
                }
                stories.add(new Story(story.territoryId(), story.chantierId(), story.participantId(),
                        pathway.pathwayId, story.entry(), story.exit(), story.category(), phPathwayId,
                        story.phEntry(), a));
            }
        }
        List<EventEnvelope> envelopes = history.envelopes();
        var projection = ReportingRuntime.projection(fed, History.CODEC);
        for (int from = 0; from < envelopes.size(); from += 2_000) {
            projection.handleAll(History.consumed(envelopes.subList(from, Math.min(envelopes.size(), from + 2_000))));
        }
        writeChantiersAndTerritories(direct);
        writeStories(direct, stories, new HashMap<>());
        writeAccompaniment(direct, stories);
        writePremieresHeuresIndex(direct, stories);
        Map<String, Map<String, Long>> counters = new HashMap<>();
        countStories(stories, counters);
        CounterDocuments.write(direct, counters);

        Map<String, Object> expected = figures(new FiguresService(fed));
        Map<String, Object> actual = figures(new FiguresService(direct));
        assertEquals(expected.keySet(), actual.keySet());
        expected.forEach((name, figure) -> assertEquals(figure, actual.get(name), name));
        return expected.size();
    }

    private static Map<String, Object> figures(FiguresService service) {
        Map<String, Object> all = new TreeMap<>();
        for (int year = 2016; year <= 2025; year++) {
            NationalFigures nation = service.national(Year.of(year));
            all.put("nation " + year, List.of(nation.accompanied(), nation.exits(), nation.fromPremieresHeures(),
                    nation.averagePathwayMonths(), nation.dynamicExits(), nation.premieresHeures(),
                    nation.housingResolved(), nation.healthRightsOpened()));
            for (TerritoryFigures t : nation.territories()) {
                all.put(t.territoryId() + " " + year, List.of(t.accompanied(), t.exits(), t.fromPremieresHeures(),
                        t.averagePathwayMonths(), t.dynamicExits(), t.premieresHeures(), t.housingResolved(),
                        t.healthRightsOpened()));
            }
        }
        return all;
    }

    /** Entries over 2016-2025, an eighth after Premières Heures, 70 % with an exit (and its first check-in). */
    private static Story story(String territoryId, Random random) {
        String chantierId = territoryId + "-c" + random.nextInt(CHANTIERS_PER_TERRITORY);
        LocalDate entry = LocalDate.of(2016, 1, 4).plusDays(random.nextInt(365 * 10));
        String phPathwayId = null;
        LocalDate phEntry = null;
        if (random.nextInt(8) == 0) {
            phPathwayId = UUID.randomUUID().toString();
            phEntry = entry.minusDays(30 + random.nextInt(300));
        }
        LocalDate exit = null;
        String category = null;
        if (random.nextInt(10) < 7) {
            LocalDate candidate = entry.plusDays(30 + random.nextInt(700));
            if (!candidate.isAfter(LocalDate.of(2025, 12, 31))) {
                exit = candidate;
                category = CATEGORIES[random.nextInt(CATEGORIES.length)];
            }
        }
        return new Story(territoryId, chantierId, UUID.randomUUID().toString(), UUID.randomUUID().toString(), entry,
                exit, category, phPathwayId, phEntry, accompaniment(entry, random));
    }

    /**
     * Three pathways in five assessed; of those, half with a housing barrier that moves on to IN_PROGRESS and then
     * RESOLVED for some; one in three with a health-rights opening in its first two years.
     */
    private static Accompaniment accompaniment(LocalDate entry, Random random) {
        if (random.nextInt(5) >= 3) {
            return null;
        }
        LocalDate assessed = entry.plusDays(random.nextInt(30));
        boolean housing = random.nextBoolean();
        List<LocalDate> on = new ArrayList<>();
        List<String> status = new ArrayList<>();
        if (housing && random.nextInt(3) > 0) {
            on.add(assessed.plusDays(10 + random.nextInt(200)));
            status.add("IN_PROGRESS");
            if (random.nextBoolean()) {
                on.add(on.get(0).plusDays(10 + random.nextInt(300)));
                status.add("RESOLVED");
            }
        }
        List<LocalDate> openings = random.nextInt(3) == 0 ? List.of(entry.plusDays(random.nextInt(730))) : List.of();
        return new Accompaniment(assessed, housing, on, status, openings);
    }

    /** Territory by territory (memory stays at one territory's roster); returns the roster documents written. */
    private static int writeDirectly(ReportingModel model, int pathways, Random random, List<Story> premieresHeures) {
        writeChantiersAndTerritories(model);
        Map<String, Integer> written = new HashMap<>();
        Map<String, Map<String, Long>> counters = new HashMap<>();
        for (int t = 0; t < TERRITORIES; t++) {
            List<Story> stories = new ArrayList<>();
            int count = pathways / TERRITORIES + (t < pathways % TERRITORIES ? 1 : 0);
            for (int i = 0; i < count; i++) {
                Story story = story("t" + t, random);
                stories.add(story);
                if (story.phPathwayId() != null) {
                    premieresHeures.add(story);
                }
            }
            writeStories(model, stories, written);
            writeAccompaniment(model, stories);
            countStories(stories, counters);
        }
        writePremieresHeuresIndex(model, premieresHeures);
        CounterDocuments.write(model, counters);
        return written.size();
    }

    /**
     * The figure counters (ADR 0031) the projection keeps, summed over the stories: each story is one participant
     * in one territory, so their share of the territory and of the nation are the same. (Participants' pathway
     * documents, which only the projection reads, are not written.)
     */
    private static void countStories(List<Story> stories, Map<String, Map<String, Long>> counters) {
        for (Story s : stories) {
            String exit = s.exit() == null ? null : s.exit().toString();
            List<PathwayRecord> theirs = new ArrayList<>(2);
            theirs.add(FigureCounters.decodeFiled(s.pathwayId(), FigureCounters.file(s.territoryId(),
                    s.participantId(), "CONVERGENCE", s.chantierId(), s.entry().toString(), exit, s.category(), null)));
            if (s.phPathwayId() != null) {
                theirs.add(FigureCounters.decodeFiled(s.phPathwayId(), FigureCounters.file(s.territoryId(),
                        s.participantId(), "PREMIERES_HEURES", s.territoryId() + "-c0", s.phEntry().toString(),
                        s.entry().minusDays(1).toString(), null, s.pathwayId())));
            }
            Map<String, AccompanimentRecord> accompaniment = s.accompaniment() == null ? Map.of()
                    : Map.of(s.pathwayId(), s.accompaniment().record(s.pathwayId(), s.participantId()));
            ParticipantShare share = ParticipantShare.of(theirs, theirs, accompaniment, CONVERGENCE_STARTS);
            ParticipantShare.increments(ParticipantShare.NONE, share).forEach((path, delta) -> {
                counters.computeIfAbsent(s.territoryId(), t -> new HashMap<>()).merge(path, delta, Long::sum);
                counters.computeIfAbsent(FigureCounters.NATION, t -> new HashMap<>()).merge(path, delta, Long::sum);
            });
        }
    }

    private static void writeChantiersAndTerritories(ReportingModel model) {
        List<Document> territories = new ArrayList<>();
        List<Document> chantiers = new ArrayList<>();
        for (int t = 0; t < TERRITORIES; t++) {
            String territory = "t" + t;
            List<String> chantierIds = new ArrayList<>();
            for (int c = 0; c < CHANTIERS_PER_TERRITORY; c++) {
                String chantier = territory + "-c" + c;
                chantierIds.add(chantier);
                Document programs = c == 0
                        ? new Document("PREMIERES_HEURES", PROGRAMS_SINCE.toString())
                        .append("CONVERGENCE", LATE_CONVERGENCE.toString())
                        : new Document("CONVERGENCE", PROGRAMS_SINCE.toString());
                chantiers.add(new Document("_id", chantier).append("territoryId", territory).append("name", chantier)
                        .append("programs", programs).append("applied", List.of(UUID.randomUUID().toString())));
            }
            territories.add(new Document("_id", territory).append("name", territory).append("densityKind", "URBAN")
                    .append("registered", true).append("chantierIds", chantierIds).append("known", true)
                    .append("applied", List.of(UUID.randomUUID().toString())));
        }
        model.territories().insertMany(territories);
        model.chantiers().insertMany(chantiers);
    }

    /**
     * The roster entries as the enrolment handlers leave them, with one marker per fact applied; a bucket's
     * stories all come in one call (territory by territory), so each bucket is inserted whole.
     */
    private static void writeStories(ReportingModel model, List<Story> stories, Map<String, Integer> written) {
        Map<String, Document> buckets = new LinkedHashMap<>();
        for (Story s : stories) {
            Document entry = new Document("participantId", s.participantId()).append("program", "CONVERGENCE")
                    .append("entryDate", s.entry().toString()).append("promotedFrom", s.phPathwayId());
            int facts = 1;
            if (s.exit() != null) {
                entry.append("exitDate", s.exit().toString()).append("exitCategory", s.category())
                        .append("checkIns", List.of(1));
                facts += 2;
            }
            put(buckets, s.chantierId(), s.pathwayId(), entry, facts);
            if (s.phPathwayId() != null) {
                put(buckets, s.territoryId() + "-c0", s.phPathwayId(), new Document("participantId",
                        s.participantId()).append("program", "PREMIERES_HEURES")
                        .append("entryDate", s.phEntry().toString()).append("promotedFrom", null)
                        .append("exitDate", s.entry().minusDays(1).toString()).append("promotedTo", s.pathwayId()),
                        2);
            }
        }
        buckets.keySet().forEach(id -> written.merge(id, 1, Integer::sum));
        List<Document> documents = new ArrayList<>(buckets.values());
        for (int from = 0; from < documents.size(); from += 200) {
            model.chantierRoster().insertMany(documents.subList(from, Math.min(documents.size(), from + 200)));
        }
        writeTerritoryYears(model, stories);
    }

    /** The per-territory-year aggregates the projection files each pathway under (ADR 0028), written whole. */
    private static void writeTerritoryYears(ReportingModel model, List<Story> stories) {
        Map<String, Document> aggregates = new LinkedHashMap<>();
        for (Story s : stories) {
            String exit = s.exit() == null ? null : s.exit().toString();
            file(aggregates, s.territoryId(), s.pathwayId(), s.entry().toString(), exit, TerritoryYears.encode(
                    s.participantId(), "CONVERGENCE", s.chantierId(), s.entry().toString(), exit, s.category(), null));
            if (s.phPathwayId() != null) {
                String phExit = s.entry().minusDays(1).toString();
                file(aggregates, s.territoryId(), s.phPathwayId(), s.phEntry().toString(), phExit,
                        TerritoryYears.encode(s.participantId(), "PREMIERES_HEURES", s.territoryId() + "-c0",
                                s.phEntry().toString(), phExit, null, s.pathwayId()));
            }
        }
        List<Document> documents = new ArrayList<>(aggregates.values());
        for (int from = 0; from < documents.size(); from += 50) {
            model.territoryYears().insertMany(documents.subList(from, Math.min(documents.size(), from + 50)));
        }
    }

    private static void file(Map<String, Document> aggregates, String territoryId, String pathwayId, String entry,
                             String exit, String filed) {
        for (String period : TerritoryYears.periodsOf(entry, exit)) {
            aggregates.computeIfAbsent(TerritoryYears.bucketOf(territoryId, period, pathwayId),
                            id -> new Document("_id", id).append("pathways", new Document()))
                    .get("pathways", Document.class).append(pathwayId, filed);
        }
    }

    private static void put(Map<String, Document> buckets, String chantierId, String pathwayId, Document entry,
                            int facts) {
        Document bucket = buckets.computeIfAbsent(ReportingModel.rosterBucketOf(chantierId, pathwayId),
                id -> new Document("_id", id).append("pathways", new Document())
                        .append("appliedByEntry", new Document("pathways", new Document())));
        bucket.get("pathways", Document.class).append(pathwayId, entry);
        List<String> markers = new ArrayList<>();
        for (int i = 0; i < facts; i++) {
            markers.add(UUID.randomUUID().toString());
        }
        bucket.get("appliedByEntry", Document.class).get("pathways", Document.class).append(pathwayId, markers);
    }

    /**
     * The accompaniment roster entries as the accompaniment handlers leave them (barriers at entry, the housing
     * barrier's dated statuses, the openings, one marker per fact), a bucket's stories in one call.
     */
    private static void writeAccompaniment(ReportingModel model, List<Story> stories) {
        Map<String, Document> buckets = new LinkedHashMap<>();
        for (Story s : stories) {
            Accompaniment a = s.accompaniment();
            if (a == null) {
                continue;
            }
            List<Document> housing = new ArrayList<>();
            a.record(s.pathwayId(), s.participantId()).housing().forEach(change -> housing.add(new Document("on",
                    change.on().toString()).append("status", change.status())
                    .append("event", UUID.randomUUID().toString())));
            List<Document> openings = new ArrayList<>();
            a.openings().forEach(on -> openings.add(new Document("on", on.toString()).append("kind", "CSS")
                    .append("event", UUID.randomUUID().toString())));
            Document entry = new Document("participantId", s.participantId())
                    .append("assessedOn", a.assessedOn().toString()).append("housingAtEntry", "STREET")
                    .append("barriersAtEntry", a.housingBarrier() ? List.of("HOUSING", "HEALTH") : List.of("HEALTH"));
            if (!housing.isEmpty()) {
                entry.append("housing", housing);
            }
            if (!openings.isEmpty()) {
                entry.append("healthRights", openings);
            }
            put(buckets, s.chantierId(), s.pathwayId(), entry, 1 + a.housingOn().size() + openings.size());
        }
        List<Document> documents = new ArrayList<>(buckets.values());
        for (int from = 0; from < documents.size(); from += 200) {
            model.accompanimentRoster().insertMany(documents.subList(from, Math.min(documents.size(), from + 200)));
        }
    }

    private static void writePremieresHeuresIndex(ReportingModel model, List<Story> stories) {
        Map<String, Document> buckets = new TreeMap<>();
        for (Story s : stories) {
            if (s.phPathwayId() != null) {
                buckets.computeIfAbsent(ReportingModel.premieresHeuresBucketOf(s.participantId()),
                                id -> new Document("_id", id).append("participants", new Document()))
                        .get("participants", Document.class)
                        .append(s.participantId(), new Document(s.phPathwayId(), s.phEntry().toString()));
            }
        }
        if (!buckets.isEmpty()) {
            model.premieresHeures().insertMany(new ArrayList<>(buckets.values()));
        }
    }
}
