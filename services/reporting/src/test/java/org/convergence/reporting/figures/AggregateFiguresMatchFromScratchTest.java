package org.convergence.reporting.figures;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.bson.Document;
import org.convergence.contracts.EventEnvelope;
import org.convergence.embedded.ConvergenceStack;
import org.convergence.platform.messaging.ConsumedEvent;
import org.convergence.platform.projection.ReadModel;
import org.convergence.reporting.History;
import org.convergence.platform.projection.ProjectionBatch;
import org.convergence.reporting.projection.FigureCounters;
import org.convergence.reporting.projection.ReportingModel;
import org.convergence.reporting.projection.ReportingRuntime;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.lang.reflect.RecordComponent;
import java.time.LocalDate;
import java.time.Year;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The figures read from the figure counters (ADR 0031) and the per-territory-year aggregates (ADR 0028) equal, figure by figure and rate by rate, the
 * figures computed from scratch over every roster entry, whatever the history (corrections of entries and exits,
 * promotions from Premières Heures, people accompanied in two territories, facts delivered again), and a rebuild
 * in big batches leaves the same aggregates as live traffic in small ones.
 */
class AggregateFiguresMatchFromScratchTest {

    /** The Premières Heures default contract, so that participants without a decision are counted too. */
    private static final Map<String, Integer> DEFAULT_HOURS = Map.of("PREMIERES_HEURES", 4);

    private final MongoClient mongo = MongoClients.create(ConvergenceStack.mongoConnectionString());
    private final List<ReportingModel> models = new ArrayList<>();

    @AfterEach
    void dropTheReadModels() {
        models.forEach(ReportingModel::drop);
        mongo.close();
    }

    @Test
    void everyFigureOfEveryYearFromTheAggregatesEqualsTheFromScratchOneUnderCorrectionsAndRedeliveries() {
        History history = History.sample("agg", 600, 7);
        late(history, "agg");
        ReportingModel model = model();
        feedLive(model, withHours(history, withAccompaniment(history, new Random(13)), new Random(23)),
                new Random(3));

        FiguresService aggregates = new FiguresService(model, DEFAULT_HOURS);
        Map<String, Object> expected = figures(aggregates.fromScratch());
        Map<String, Object> actual = figures(aggregates);

        assertEquals(expected.keySet(), actual.keySet());
        expected.forEach((name, figure) -> assertEquals(figure, actual.get(name), name));
        assertEquals(10 * (1 + 3 * 2), expected.size(), "ten years of the nation and its three territories, twice each");
        NationalFigures nation2020 = aggregates.national(Year.of(2020));
        assertTrue(nation2020.accompanied() > 100, "the history has people to count");
        assertTrue(nation2020.housingResolved().denominator() > 10 && nation2020.housingResolved().numerator() > 0,
                "exits with a housing barrier: " + nation2020.housingResolved());
        assertTrue(nation2020.healthRightsOpened().numerator() > 10, "openings: " + nation2020.healthRightsOpened());
        assertTrue(nation2020.hours().workedConvergence() > 10 && nation2020.hours().workedPremieresHeures() > 10
                && nation2020.hours().stepUpsDecided() > 0, "hours: " + nation2020.hours());
        assertTrue(nation2020.hours().premieresHeuresContracts().fiveToSixHours()
                + nation2020.hours().premieresHeuresContracts().sevenToEightHours() > 0, "contracts decided: "
                + nation2020.hours().premieresHeuresContracts());
    }

    @Test
    void aRebuildInBigBatchesLeavesTheSameAggregatesAsLiveTrafficWithRedeliveries() {
        History history = History.sample("agr", 400, 11);
        late(history, "agr");
        ReportingModel live = model();
        ReportingModel rebuilt = model();
        List<EventEnvelope> envelopes = withHours(history, withAccompaniment(history, new Random(17)),
                new Random(29));
        feedLive(live, envelopes, new Random(5));
        var projection = ReportingRuntime.projection(rebuilt, History.CODEC);
        assertEquals(Map.of(), projection.handleAll(History.consumed(envelopes)));

        Map<String, Object> liveEntries = aggregateEntries(live);
        assertTrue(liveEntries.size() > 400, "aggregate entries: " + liveEntries.size());
        assertEquals(liveEntries, aggregateEntries(rebuilt));
        assertEquals(counters(live), counters(rebuilt), "the figure counters (ADR 0031)");
        assertEquals(figures(new FiguresService(live, DEFAULT_HOURS)),
                figures(new FiguresService(rebuilt, DEFAULT_HOURS)));
        assertEquals(figures(new FiguresService(live, DEFAULT_HOURS).fromScratch()),
                figures(new FiguresService(rebuilt, DEFAULT_HOURS)), "rebuilt = from scratch");
    }

    /**
     * ADR 0039: hours worked and step-ups are counted per pathway under the hours topic partition's watermark. A
     * crash cuts the flush of a batch of hours facts (weeks, a correction of one of them, a ladder step) after the
     * nation's counters and before the territory's: the same records delivered again add nothing more to the nation
     * and what was missing to the territory. Then a correction of a week's figure moves both by the difference.
     */
    @Test
    void hoursFactsDeliveredAgainAfterAFlushCutBetweenTwoCounterDocumentsAreCountedOnce() {
        History history = new History();
        History.Pathway pathway = aPathwayInANewTerritory(history, "agh-west", "PREMIERES_HEURES");
        pathway.enrolled(LocalDate.of(2020, 3, 2));
        ReportingModel model = model();
        var projection = ReportingRuntime.projection(model, History.CODEC);
        assertEquals(Map.of(), projection.handleAll(History.consumed(history.envelopes())));

        int enrolment = history.envelopes().size();
        pathway.worked("2020-W10", 240);
        pathway.worked("2020-W11", 300);
        pathway.weekCorrected("2020-W10", 180);
        pathway.decided(LocalDate.of(2020, 3, 16), 6, "LADDER_STEP");
        List<ConsumedEvent> hours = factsSince(history, enrolment);
        Document territory = model.figureCounters().find(new Document("_id", "agh-west")).first();
        model.figureCounters().updateOne(new Document("_id", "agh-west"),
                new Document("$set", new Document("hours", "cut here")));
        assertThrows(RuntimeException.class, () -> projection.handleAll(hours));
        model.figureCounters().replaceOne(new Document("_id", "agh-west"), territory);

        assertEquals(Map.of(), projection.handleAll(hours));
        FiguresService figures = new FiguresService(model, DEFAULT_HOURS);
        NationalFigures nation = figures.national(Year.of(2020));
        HoursFigures expected = new HoursFigures(8, 0, 0, new HoursFigures.PremieresHeuresContracts(0, 1, 0, 0), 1);
        assertEquals(expected, nation.hours(), "the nation's: (180 + 300) minutes, one step-up");
        assertEquals(expected, nation.territories().get(0).hours(), "the territory's");
        assertEquals(figures(figures.fromScratch()), figures(figures));

        int counted = history.envelopes().size();
        pathway.weekCorrected("2020-W11", 120);
        assertEquals(Map.of(), projection.handleAll(factsSince(history, counted)));
        assertEquals(5, figures.national(Year.of(2020)).hours().workedPremieresHeures(), "(180 + 120) minutes");
        assertEquals(5, figures.territory("agh-west", Year.of(2020)).orElseThrow().hours().workedPremieresHeures());
        assertEquals(figures(figures.fromScratch()), figures(figures));
    }

    /**
     * ADR 0057: a week's fact marks its pathway's year document, stored after the counters. A crash cuts the flush
     * of a batch of week facts after the counters and before the year document (which a document of that key,
     * holding a string where the year's entry goes, refuses): delivered again, the facts are applied again to the
     * year, and the counters, whose watermarks hold them already, count them once.
     */
    @Test
    void weekFactsDeliveredAgainAfterAFlushCutBeforeTheirYearDocumentAreCountedOnce() {
        History history = new History();
        History.Pathway pathway = aPathwayInANewTerritory(history, "agy-west", "CONVERGENCE");
        pathway.enrolled(LocalDate.of(2019, 3, 4));
        ReportingModel model = model();
        var projection = ReportingRuntime.projection(model, History.CODEC);
        assertEquals(Map.of(), projection.handleAll(History.consumed(history.envelopes())));
        int enrolment = history.envelopes().size();
        pathway.worked("2020-W10", 600);
        pathway.worked("2020-W11", 1200);
        pathway.weekCorrected("2020-W10", 900);
        List<ConsumedEvent> weeks = factsSince(history, enrolment);
        String year = ReportingModel.hoursWeeksOf(pathway.pathwayId, 2020);
        model.hoursWeeks().insertOne(new Document("_id", year).append(ReportingModel.HOURS_YEAR, "cut here"));

        assertThrows(RuntimeException.class, () -> projection.handleAll(weeks));
        assertEquals(35, new FiguresService(model, DEFAULT_HOURS).national(Year.of(2020)).hours().workedConvergence(),
                "the counters were stored: (900 + 1200) minutes");
        model.hoursWeeks().deleteOne(new Document("_id", year));
        assertEquals(Map.of(), projection.handleAll(weeks));

        FiguresService figures = new FiguresService(model, DEFAULT_HOURS);
        assertEquals(35, figures.national(Year.of(2020)).hours().workedConvergence(), "counted once");
        assertEquals(35, figures.territory("agy-west", Year.of(2020)).orElseThrow().hours().workedConvergence());
        assertEquals(figures(figures.fromScratch()), figures(figures));
    }

    /**
     * ADR 0039: hours of a pathway reporting does not know yet (its enrolment fact has not arrived) count nowhere,
     * as in the from-scratch figures, though the hours handlers counted them: the read takes them back until the
     * enrolment arrives, whichever of the two came first.
     */
    @Test
    void hoursOfAPathwayCountOnlyOnceItsEnrolmentArrived() {
        History history = new History();
        History.Pathway known = aPathwayInANewTerritory(history, "agu-west", "CONVERGENCE");
        known.enrolled(LocalDate.of(2020, 3, 2));
        known.worked("2020-W12", 600);
        History.Pathway early = history.pathway("agu-west", "agu-west-a", History.uuid(), "CONVERGENCE");
        early.worked("2020-W12", 1200);
        early.decided(LocalDate.of(2020, 4, 1), 26, "LADDER_STEP");
        ReportingModel model = model();
        var projection = ReportingRuntime.projection(model, History.CODEC);
        assertEquals(Map.of(), projection.handleAll(History.consumed(history.envelopes())));
        FiguresService figures = new FiguresService(model, DEFAULT_HOURS);
        assertEquals(10, figures.national(Year.of(2020)).hours().workedConvergence(), "only the known pathway's");
        assertEquals(0, figures.national(Year.of(2020)).hours().stepUpsDecided());
        assertEquals(10, figures.territory("agu-west", Year.of(2020)).orElseThrow().hours().workedConvergence());
        assertEquals(figures(figures.fromScratch()), figures(figures));

        int before = history.envelopes().size();
        early.enrolled(LocalDate.of(2020, 3, 9));
        assertEquals(Map.of(), projection.handleAll(factsSince(history, before)));
        assertEquals(30, figures.national(Year.of(2020)).hours().workedConvergence(), "both, once known");
        assertEquals(1, figures.territory("agu-west", Year.of(2020)).orElseThrow().hours().stepUpsDecided());
        assertEquals(figures(figures.fromScratch()), figures(figures));
    }

    /**
     * ADR 0034: the housing and health increments are stored under the same offset watermark as the others. A crash
     * cuts the flush of a batch of accompaniment facts after the nation's counters and before the territory's: the
     * same records delivered again (same offsets) add nothing more to the nation and what was missing to the
     * territory.
     */
    @Test
    void accompanimentFactsDeliveredAgainAfterAFlushCutBetweenTwoCounterDocumentsAreCountedOnce() {
        History history = new History();
        History.Pathway pathway = aPathwayInANewTerritory(history, "agw-west", "CONVERGENCE");
        pathway.enrolled(LocalDate.of(2019, 3, 4));
        pathway.exited(LocalDate.of(2020, 5, 4), "DURABLE_EMPLOYMENT");
        ReportingModel model = model();
        var projection = ReportingRuntime.projection(model, History.CODEC);
        assertEquals(Map.of(), projection.handleAll(History.consumed(history.envelopes())));

        int enrolment = history.envelopes().size();
        pathway.assessed(LocalDate.of(2019, 3, 10), List.of("HOUSING"));
        pathway.housing(LocalDate.of(2020, 1, 10), "RESOLVED");
        pathway.healthRightsOpened(LocalDate.of(2020, 2, 1));
        List<ConsumedEvent> accompaniment = factsSince(history, enrolment);
        // The territory's counters cannot take the increments: the flush stops there, after the nation's.
        Document territory = model.figureCounters().find(new Document("_id", "agw-west")).first();
        model.figureCounters().updateOne(new Document("_id", "agw-west"),
                new Document("$set", new Document("2020", "cut here")));
        assertThrows(RuntimeException.class, () -> projection.handleAll(accompaniment));
        model.figureCounters().replaceOne(new Document("_id", "agw-west"), territory);

        assertEquals(Map.of(), projection.handleAll(accompaniment));
        FiguresService figures = new FiguresService(model);
        NationalFigures nation = figures.national(Year.of(2020));
        assertEquals(Rate.of(1, 1), nation.housingResolved(), "the nation's");
        assertEquals(Rate.of(1, 1), nation.healthRightsOpened(), "the nation's");
        assertEquals(Rate.of(1, 1), nation.territories().get(0).housingResolved(), "the territory's");
        assertEquals(figures(figures.fromScratch()), figures(figures));
    }

    /** Corrections arriving long after the facts they correct, moving pathways across years. */
    @Test
    void aParticipantJoinsTheirChantiersSetThoughTheFlushWasCutBeforeTheSet() {
        History history = new History();
        history.territory("agc-west");
        history.chantier("agc-west", "agc-west-a", "CONVERGENCE", LocalDate.of(2018, 1, 1));
        String person = History.uuid();
        history.pathway("agc-west", "agc-west-a", person, "CONVERGENCE").enrolled(LocalDate.of(2019, 3, 4));
        ReportingModel model = model();
        var projection = ReportingRuntime.projection(model, History.CODEC);
        // The chantier's set cannot take a member: the flush stops at it, as a crash there would.
        model.participantPathways().insertOne(new Document("_id", "#chantier#agc-west-a")
                .append("participants", "not a set"));
        assertThrows(RuntimeException.class, () -> projection.handleAll(History.consumed(history.envelopes())));

        model.participantPathways().deleteOne(new Document("_id", "#chantier#agc-west-a"));
        assertEquals(Map.of(), projection.handleAll(History.consumed(history.envelopes())));
        Document set = model.participantPathways().find(new Document("_id", "#chantier#agc-west-a")).first();
        assertEquals(List.of(person), set == null ? List.of() : set.getList("participants", String.class),
                "a later change of the chantier's Convergence start must find them");
    }

    private static void late(History history, String sample) {
        history.territory("agx-east");
        history.chantier("agx-east", "agx-east-a", "CONVERGENCE", LocalDate.of(2016, 1, 1));
        for (int i = 0; i < 30; i++) {
            History.Pathway p = history.pathway("agx-east", "agx-east-a", History.uuid(), "CONVERGENCE");
            p.enrolled(LocalDate.of(2018, 3, 1).plusDays(i * 20L));
            p.exited(LocalDate.of(2019, 12, 20).plusDays(i), "DURABLE_EMPLOYMENT");
            p.entryCorrected(LocalDate.of(2018, 3, 1).plusDays(i * 20L), LocalDate.of(2019, 2, 1).plusDays(i));
            p.exitCorrected(LocalDate.of(2021, 6, 1).plusDays(i * 3L), i % 2 == 0 ? "OTHER" : "POSITIVE_EXIT");
        }
        // People with two pathways in one year, one of them in another territory too; exits recorded before
        // their enrolment; and a chantier whose Convergence start arrives after its pathways and moves them.
        history.chantier("agx-east", "agx-east-b", "PREMIERES_HEURES", LocalDate.of(2016, 1, 1));
        for (int i = 0; i < 20; i++) {
            String person = History.uuid();
            History.Pathway first = history.pathway("agx-east", "agx-east-b", person, "CONVERGENCE");
            // Left before the chantier started carrying Convergence: counted nowhere once the start is known.
            first.exited(LocalDate.of(2018, 3, 1).plusDays(i), "POSITIVE_EXIT");
            first.enrolled(LocalDate.of(2017, 5, 1).plusDays(i));
            History.Pathway second = history.pathway("agx-east", "agx-east-a", person, "CONVERGENCE");
            second.enrolled(LocalDate.of(2019, 9, 1).plusDays(i));
            if (i % 4 == 0) {
                History.Pathway elsewhere = history.pathway(sample + "-north", sample + "-north-a", person,
                        "CONVERGENCE");
                elsewhere.enrolled(LocalDate.of(2019, 11, 1));
                elsewhere.exited(LocalDate.of(2020, 2, 1), "DURABLE_EMPLOYMENT");
            }
        }
        history.programStarted("agx-east", "agx-east-b", "CONVERGENCE", LocalDate.of(2018, 11, 1));
    }

    /**
     * Accompaniment facts (ADR 0034) for about two thirds of the Convergence pathways: an entry assessment, with a
     * housing barrier for half, up to three housing statuses (some after the exit, two on one day), up to two
     * health-rights openings (some before the entry, some after the exit). They are mixed into the enrolment facts
     * at random places, each pathway's in its own order: on their own topic they arrive before or after the
     * enrolment and exit, and the corrections of those move the housing status at exit.
     */
    private static List<EventEnvelope> withAccompaniment(History history, Random random) {
        int enrolment = history.envelopes().size();
        String[] statuses = {"IDENTIFIED", "IN_PROGRESS", "RESOLVED"};
        for (History.Pathway p : history.pathways()) {
            if (!"CONVERGENCE".equals(p.program) || random.nextInt(3) == 0) {
                continue;
            }
            LocalDate on = LocalDate.of(2017, 1, 1).plusDays(random.nextInt(365 * 5));
            boolean housing = random.nextBoolean();
            p.assessed(on, housing ? List.of("HOUSING", "HEALTH") : List.of("HEALTH"));
            for (int i = housing ? random.nextInt(4) : 0; i > 0; i--) {
                on = on.plusDays(random.nextInt(3) == 0 ? 0 : random.nextInt(500));
                p.housing(on, statuses[random.nextInt(statuses.length)]);
            }
            for (int i = random.nextInt(3); i > 0; i--) {
                p.healthRightsOpened(LocalDate.of(2016, 6, 1).plusDays(random.nextInt(365 * 6)));
            }
        }
        List<EventEnvelope> all = history.envelopes();
        List<EventEnvelope> merged = new ArrayList<>(all.subList(0, enrolment));
        List<EventEnvelope> accompaniment = all.subList(enrolment, all.size());
        int at = 0;
        for (EventEnvelope fact : accompaniment) {
            at += random.nextInt(Math.max(1, 2 * (merged.size() - at) / Math.max(1, accompaniment.size())) + 1);
            at = Math.min(at, merged.size());
            merged.add(at++, fact);
        }
        return merged;
    }

    /**
     * Live traffic: small batches of a few events, with earlier events delivered again (alone, after later
     * facts of theirs, and inside later batches), as a consumer restarted before committing its offsets does.
     */
    /**
     * Hours facts (ADR 0039) for about half the pathways: minutes in a few ISO weeks of 2015-2024, some weeks
     * recorded again or corrected, some contract decisions (ladder steps and others), and hours of a few pathways
     * whose enrolment never arrives. Mixed into the other facts at random places, each pathway's in its own order:
     * on their own topic, keyed by pathway, they arrive before or after the enrolment and its corrections.
     */
    private static List<EventEnvelope> withHours(History history, List<EventEnvelope> others, Random random) {
        int before = history.envelopes().size();
        String[] reasons = {"LADDER_STEP", "LADDER_STEP", "HEALTH", "PARTICIPANT_WISH"};
        int[] weeklyHours = {4, 6, 8, 12, 26};
        List<History.Pathway> pathways = history.pathways();
        for (History.Pathway p : pathways) {
            if (random.nextBoolean()) {
                continue;
            }
            for (int i = 1 + random.nextInt(5); i > 0; i--) {
                String week = String.format("%d-W%02d", 2015 + random.nextInt(10), 1 + random.nextInt(52));
                p.worked(week, 60 * random.nextInt(30) + random.nextInt(60));
                if (random.nextInt(4) == 0) {
                    p.weekCorrected(week, random.nextInt(2000));
                }
            }
            for (int i = random.nextInt(3); i > 0; i--) {
                p.decided(LocalDate.of(2015, 1, 1).plusDays(random.nextInt(365 * 10)),
                        weeklyHours[random.nextInt(weeklyHours.length)], reasons[random.nextInt(reasons.length)]);
            }
        }
        History.Pathway first = pathways.get(0);
        for (int i = 0; i < 5; i++) {
            History.Pathway never = history.pathway(first.territoryId, first.chantierId, History.uuid(),
                    "PREMIERES_HEURES");
            never.worked("2020-W05", 300 + i);
            never.decided(LocalDate.of(2020, 2, 1), 8, "LADDER_STEP");
        }
        List<EventEnvelope> all = history.envelopes();
        List<EventEnvelope> merged = new ArrayList<>(others);
        List<EventEnvelope> hours = all.subList(before, all.size());
        int at = 0;
        for (EventEnvelope fact : hours) {
            at += random.nextInt(Math.max(1, 2 * (merged.size() - at) / Math.max(1, hours.size())) + 1);
            at = Math.min(at, merged.size());
            merged.add(at++, fact);
        }
        return merged;
    }

    private static void feedLive(ReportingModel model, List<EventEnvelope> envelopes, Random random) {
        var projection = ReportingRuntime.projection(model, History.CODEC);
        int from = 0;
        while (from < envelopes.size()) {
            int to = Math.min(envelopes.size(), from + 1 + random.nextInt(25));
            List<ConsumedEvent> batch = new ArrayList<>(History.consumed(envelopes.subList(from, to)));
            if (from > 0 && random.nextInt(3) == 0) {
                batch.add(History.consumed(envelopes.get(random.nextInt(from))));
            }
            assertEquals(Map.of(), projection.handleAll(batch));
            if (random.nextInt(5) == 0) {
                // The same records again, same offsets: a consumer that stored the batch but died before
                // committing. The pathway markers skip them whole; the counters' offset watermark, for a flush cut
                // short inside the counters, is pinned by ProjectionBatchTest.
                assertEquals(Map.of(), projection.handleAll(batch));
            }
            if (from > 0 && random.nextInt(4) == 0) {
                assertEquals(Map.of(), projection.handleAll(History.consumed(
                        envelopes.subList(Math.max(0, from - 30), from))));
            }
            from = to;
        }
    }

    private static Map<String, Object> figures(FiguresService service) {
        Map<String, Object> all = new TreeMap<>();
        for (int year = 2015; year <= 2024; year++) {
            NationalFigures nation = service.national(Year.of(year));
            all.put("nation " + year, withoutAsOf(nation));
            for (TerritoryFigures t : nation.territories()) {
                all.put(t.territoryId() + " " + year + " (in the nation)", withoutAsOf(t));
                all.put(t.territoryId() + " " + year, withoutAsOf(service.territory(t.territoryId(), Year.of(year))
                        .orElseThrow()));
            }
        }
        return all;
    }

    /** Every component of a figure record but the time it was computed at. */
    private static Map<String, Object> withoutAsOf(Record figures) {
        Map<String, Object> components = new LinkedHashMap<>();
        for (RecordComponent component : figures.getClass().getRecordComponents()) {
            if (!component.getName().equals("asOf")) {
                try {
                    components.put(component.getName(), component.getAccessor().invoke(figures));
                } catch (ReflectiveOperationException e) {
                    throw new AssertionError(e);
                }
            }
        }
        return components;
    }

    /** Every pathway entry filed in the aggregates, by document and pathway (entries emptied by a move left out). */
    private static Map<String, Object> aggregateEntries(ReportingModel model) {
        Map<String, Object> entries = new TreeMap<>();
        for (Document bucket : model.territoryYears().find()) {
            Document pathways = bucket.get("pathways", Document.class);
            if (pathways != null) {
                pathways.forEach((pathwayId, entry) -> {
                    if (entry != null) {
                        entries.put(bucket.getString("_id") + " " + pathwayId, entry);
                    }
                });
            }
        }
        return entries;
    }

    /** Every scope's figure counters, without the offset watermarks (a rebuild reads other offsets). */
    private static Map<String, Object> counters(ReportingModel model) {
        Map<String, Object> counters = new TreeMap<>();
        for (Document scope : model.figureCounters().find()) {
            scope.remove(ProjectionBatch.INCREMENTED_UP_TO);
            counters.put(scope.getString("_id"), scope);
        }
        assertTrue(counters.containsKey(FigureCounters.NATION), "the nation is counted");
        return counters;
    }

    /** The history's facts from the {@code from}-th on, as the consumer hands them over. */
    private static List<ConsumedEvent> factsSince(History history, int from) {
        return History.consumed(history.envelopes().subList(from, history.envelopes().size()));
    }

    /** A pathway of {@code program} in the chantier {@code <territory>-a}, both new to the history. */
    private static History.Pathway aPathwayInANewTerritory(History history, String territory, String program) {
        history.territory(territory);
        history.chantier(territory, territory + "-a", program, LocalDate.of(2016, 1, 1));
        return history.pathway(territory, territory + "-a", History.uuid(), program);
    }

    private ReportingModel model() {
        ReportingModel model = new ReportingModel(new ReadModel(mongo.getDatabase("aggregate_figures_test"),
                "a" + UUID.randomUUID().toString().substring(0, 8)));
        models.add(model);
        return model;
    }
}
