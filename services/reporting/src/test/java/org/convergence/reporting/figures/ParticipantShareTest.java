package org.convergence.reporting.figures;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.Year;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The exact formulation of ADR 0031: a scope's six pathway figures of any year are the sum of its participants'
 * shares (explicit years plus a tail for the years after their last date), and counters moved by the difference
 * between a participant's share before and after each fact equal, year by year, the figures folded over every
 * pathway from scratch, whatever corrections, duplicates and arrival order.
 */
class ParticipantShareTest {

    private static final String CONVERGENCE = "CONVERGENCE";
    private static final String PREMIERES_HEURES = "PREMIERES_HEURES";
    private static final String[] CATEGORIES =
            {"DURABLE_EMPLOYMENT", "TRANSITIONAL_EMPLOYMENT", "POSITIVE_EXIT", "OTHER", "NEUTRALISED", null};
    private static final Map<String, LocalDate> STARTS = Map.of("t1-late", LocalDate.of(2019, 6, 1),
            "t2-a", LocalDate.of(2015, 1, 1));
    private static final List<String> CHANTIERS = List.of("t1-late", "t1-b", "t2-a", "t2-b");
    private static final String[] HOUSING = {"IDENTIFIED", "IN_PROGRESS", "RESOLVED", "ABANDONED"};
    /** The territory each pathway of the histories is at, for the accompaniment recorded on it. */
    private static final Map<String, String> TERRITORY_OF = new java.util.concurrent.ConcurrentHashMap<>();

    @Test
    void aPersonWithTwoPathwaysInAYearCountsOnceAndInEachTerritoryAndOnceNationally() {
        List<PathwayRecord> pathways = List.of(
                pathway("p1", "a", CONVERGENCE, "t1-b", "2019-03-01", "2020-02-01", "OTHER", null),
                pathway("p2", "a", CONVERGENCE, "t1-b", "2020-05-01", null, null, null),
                pathway("p3", "a", CONVERGENCE, "t2-b", "2020-09-01", null, null, null));

        Map<String, Map<String, Long>> counters = new HashMap<>();
        applyShares(counters, List.of(), pathways);

        assertEquals(1, countsOf(counters, "nation", 2020).accompanied());
        assertEquals(1, countsOf(counters, "t1", 2020).accompanied());
        assertEquals(1, countsOf(counters, "t2", 2020).accompanied());
        assertEquals(1, countsOf(counters, "nation", 2030).accompanied(), "still open: counted by the tail");
        assertEquals(0, countsOf(counters, "nation", 2018).accompanied());
    }

    @Test
    void theSumOfTheParticipantsSharesIsTheFigureFoldedOverEveryPathwayInEveryYearAndScope() {
        Random random = new Random(7);
        for (int round = 0; round < 20; round++) {
            List<PathwayRecord> pathways = history(random, 150);
            Map<String, Map<String, Long>> counters = new HashMap<>();
            byParticipant(pathways).values().forEach(theirs -> applyShares(counters, List.of(), theirs));
            assertEveryYearMatches(pathways, counters, "round " + round);
        }
    }

    @Test
    void countersMovedFactByFactEqualTheFiguresFromScratchThroughCorrectionsDuplicatesAndLateFacts() {
        Random random = new Random(3);
        List<PathwayRecord> finalState = history(random, 300);
        // Each pathway reaches its final state through states a correction would move it through, facts of
        // different pathways interleaved, some delivered twice: every step moves the counters by its difference.
        Map<String, PathwayRecord> current = new LinkedHashMap<>();
        List<PathwayRecord> steps = new ArrayList<>();
        for (PathwayRecord p : finalState) {
            if (p.exitDate() != null && random.nextBoolean()) {
                steps.add(with(p, null, p.exitDate(), p.exitCategory()));            // exit before enrolment
            }
            steps.add(with(p, p.entryDate().minusYears(random.nextInt(3)), null, null)); // enrolment, wrong date
            if (p.exitDate() != null) {
                steps.add(with(p, p.entryDate(), p.exitDate().plusYears(random.nextInt(3)), "OTHER"));
            }
            steps.add(p);                                                           // the corrections
        }
        List<PathwayRecord> shuffled = interleaveKeepingEachPathwaysOrder(steps, random);
        Map<String, Map<String, Long>> counters = new HashMap<>();
        for (PathwayRecord step : shuffled) {
            int times = random.nextInt(5) == 0 ? 2 : 1;                              // delivered again
            for (int i = 0; i < times; i++) {
                List<PathwayRecord> before = theirs(current, step.participantId());
                current.put(step.pathwayId(), step);
                applyShares(counters, before, theirs(current, step.participantId()));
            }
        }
        assertEveryYearMatches(finalState, counters, "fact by fact");
    }

    @Test
    void housingAndHealthAreTheSumOfTheParticipantsSharesInEveryYearAndScope() {
        Random random = new Random(11);
        for (int round = 0; round < 20; round++) {
            List<PathwayRecord> pathways = history(random, 150);
            Map<String, AccompanimentRecord> accompaniment = accompaniment(random, pathways);
            Map<String, Map<String, Long>> counters = new HashMap<>();
            byParticipant(pathways).forEach((participant, theirs) -> applyShares(counters, List.of(), Map.of(), theirs,
                    of(accompaniment, participant)));
            assertEveryYearMatches(pathways, accompaniment, counters, "round " + round);
            assertTrue(countsOf(counters, "nation", 2020).healthRightsOpened().numerator() > 0, "openings counted");
        }
    }

    @Test
    void housingAndHealthCountersMovedFactByFactEqualTheFoldThroughCorrectionsAndFactsArrivingInAnyOrder() {
        Random random = new Random(5);
        List<PathwayRecord> finalState = history(random, 300);
        Map<String, AccompanimentRecord> finalAccompaniment = accompaniment(random, finalState);
        // A step is a pathway's new state or its accompaniment's new state (assessment, one more status change or
        // opening at a time): a participant's steps interleaved with the others', in their own order but with
        // accompaniment before or after the enrolment; some delivered twice.
        List<Object> steps = new ArrayList<>();
        Map<String, List<Object>> byParticipant = new LinkedHashMap<>();
        for (PathwayRecord p : finalState) {
            List<Object> pathwaySteps = new ArrayList<>();
            if (p.exitDate() != null && random.nextBoolean()) {
                pathwaySteps.add(with(p, null, p.exitDate(), p.exitCategory()));
            }
            pathwaySteps.add(with(p, p.entryDate().minusYears(random.nextInt(3)), null, null));
            if (p.exitDate() != null) {
                pathwaySteps.add(with(p, p.entryDate(), p.exitDate().plusYears(random.nextInt(3)), "OTHER"));
            }
            pathwaySteps.add(p);
            List<Object> accompanimentSteps = new ArrayList<>();
            AccompanimentRecord target = finalAccompaniment.get(p.pathwayId());
            if (target != null) {
                for (int h = 0; h <= target.housing().size(); h++) {
                    accompanimentSteps.add(new AccompanimentRecord(p.pathwayId(), p.participantId(), null,
                            target.housingBarrierAtEntry(), target.housing().subList(0, h), List.of()));
                }
                for (int o = 1; o <= target.healthRightsOpenings().size(); o++) {
                    accompanimentSteps.add(new AccompanimentRecord(p.pathwayId(), p.participantId(), null,
                            target.housingBarrierAtEntry(), target.housing(),
                            target.healthRightsOpenings().subList(0, o)));
                }
            }
            List<Object> merged = new ArrayList<>();
            while (!pathwaySteps.isEmpty() || !accompanimentSteps.isEmpty()) {
                List<Object> from = pathwaySteps.isEmpty() ? accompanimentSteps : accompanimentSteps.isEmpty()
                        ? pathwaySteps : random.nextBoolean() ? pathwaySteps : accompanimentSteps;
                merged.add(from.remove(0));
            }
            byParticipant.computeIfAbsent(p.participantId() + "/" + p.pathwayId(), k -> new ArrayList<>())
                    .addAll(merged);
        }
        List<List<Object>> open = new ArrayList<>(byParticipant.values());
        while (!open.isEmpty()) {
            List<Object> queue = open.get(random.nextInt(open.size()));
            steps.add(queue.remove(0));
            if (queue.isEmpty()) {
                open.remove(queue);
            }
        }
        Map<String, PathwayRecord> current = new LinkedHashMap<>();
        Map<String, AccompanimentRecord> accompanimentNow = new LinkedHashMap<>();
        Map<String, Map<String, Long>> counters = new HashMap<>();
        for (Object step : steps) {
            String participant = step instanceof PathwayRecord p ? p.participantId()
                    : ((AccompanimentRecord) step).participantId();
            int times = random.nextInt(5) == 0 ? 2 : 1;
            for (int i = 0; i < times; i++) {
                List<PathwayRecord> before = theirs(current, participant);
                Map<String, AccompanimentRecord> accompanimentBefore = of(accompanimentNow, participant);
                if (step instanceof PathwayRecord p) {
                    current.put(p.pathwayId(), p);
                } else {
                    AccompanimentRecord a = (AccompanimentRecord) step;
                    accompanimentNow.put(a.pathwayId(), a);
                }
                applyShares(counters, before, accompanimentBefore, theirs(current, participant),
                        of(accompanimentNow, participant));
            }
        }
        assertEveryYearMatches(finalState, finalAccompaniment, counters, "fact by fact");
        assertTrue(countsOf(counters, "nation", 2020).housingResolved().denominator() > 0, "housing counted");
    }

    /**
     * Accompaniment on about two thirds of the pathways: a housing barrier at entry for half of them, with up to
     * three dated statuses (some after the exit, some on one day), and up to two health-rights openings, some before
     * the entry or after the exit.
     */
    private static Map<String, AccompanimentRecord> accompaniment(Random random, List<PathwayRecord> pathways) {
        Map<String, AccompanimentRecord> records = new LinkedHashMap<>();
        for (PathwayRecord p : pathways) {
            if (random.nextInt(3) == 0) {
                continue;
            }
            boolean barrier = random.nextBoolean();
            List<AccompanimentRecord.StatusChange> housing = new ArrayList<>();
            LocalDate on = p.entryDate();
            if (barrier) {
                housing.add(new AccompanimentRecord.StatusChange(on, "IDENTIFIED"));
                for (int i = random.nextInt(4); i > 0; i--) {
                    on = on.plusDays(random.nextInt(400));
                    housing.add(new AccompanimentRecord.StatusChange(on, HOUSING[random.nextInt(HOUSING.length)]));
                }
            }
            List<LocalDate> openings = new ArrayList<>();
            for (int i = random.nextInt(3); i > 0; i--) {
                openings.add(p.entryDate().plusDays(random.nextInt(1200) - 100));
            }
            records.put(p.pathwayId(), new AccompanimentRecord(p.pathwayId(), p.participantId(), null, barrier, housing,
                    openings));
        }
        return records;
    }

    private static Map<String, AccompanimentRecord> of(Map<String, AccompanimentRecord> accompaniment,
                                                       String participant) {
        Map<String, AccompanimentRecord> theirs = new LinkedHashMap<>();
        accompaniment.forEach((id, record) -> {
            if (record.participantId().equals(participant)) {
                theirs.put(id, record);
            }
        });
        return theirs;
    }

    // ---------------------------------------------------------------- the counters, as the projection keeps them

    /** Moves each scope's counters from the participant's share before to the share after. */
    private static void applyShares(Map<String, Map<String, Long>> counters, List<PathwayRecord> before,
                                    List<PathwayRecord> after) {
        applyShares(counters, before, Map.of(), after, Map.of());
    }

    /**
     * The same with the participant's accompaniment (ADR 0034), by pathway id, before and after; a record's
     * territory is its pathway id's (the chantier it was recorded at).
     */
    private static void applyShares(Map<String, Map<String, Long>> counters, List<PathwayRecord> before,
                                    Map<String, AccompanimentRecord> accompanimentBefore, List<PathwayRecord> after,
                                    Map<String, AccompanimentRecord> accompanimentAfter) {
        for (String scope : List.of("nation", "t1", "t2")) {
            Predicate<PathwayRecord> in = p -> scope.equals("nation") || scope.equals(p.territoryId());
            ParticipantShare old = share(before.stream().filter(in).toList(), before,
                    inScope(accompanimentBefore, scope), scope);
            ParticipantShare now = share(after.stream().filter(in).toList(), after,
                    inScope(accompanimentAfter, scope), scope);
            ParticipantShare.increments(old, now).forEach((path, delta) ->
                    counters.computeIfAbsent(scope, s -> new HashMap<>()).merge(path, delta, Long::sum));
        }
    }

    /**
     * The share the counters use (ADR 0044: one pass per year over the participant's pathways), checked equal, share
     * for share, to the oracle's ({@link YearFigures} through {@link PathwayCounts#of}) at every step of every
     * history: the counters below are then moved by the fast share and compared with the fold.
     */
    private static ParticipantShare share(List<PathwayRecord> inScope, List<PathwayRecord> theirs,
                                          Map<String, AccompanimentRecord> accompaniment, String scope) {
        ParticipantShare oracle = ParticipantShare.of(inScope, theirs, accompaniment, STARTS);
        ParticipantShare counted = ParticipantShare.ofOneParticipant(inScope, theirs, accompaniment, STARTS);
        assertEquals(oracle, counted, () -> "one-participant share against the oracle's, " + scope + ", " + theirs
                + ", " + accompaniment);
        return counted;
    }

    private static Map<String, AccompanimentRecord> inScope(Map<String, AccompanimentRecord> accompaniment,
                                                            String scope) {
        Map<String, AccompanimentRecord> in = new HashMap<>();
        accompaniment.forEach((pathwayId, record) -> {
            if (scope.equals("nation") || scope.equals(TERRITORY_OF.get(pathwayId))) {
                in.put(pathwayId, record);
            }
        });
        return in;
    }

    /** The flat counter paths nested as a document stores them. */
    private static PathwayCounts countsOf(Map<String, Map<String, Long>> counters, String scope, int year) {
        Map<String, Object> document = new HashMap<>();
        counters.getOrDefault(scope, Map.of()).forEach((path, value) -> {
            String[] parts = path.split("\\.");
            Map<String, Object> at = document;
            for (int i = 0; i < parts.length - 1; i++) {
                @SuppressWarnings("unchecked")
                Map<String, Object> next = (Map<String, Object>) at.computeIfAbsent(parts[i], k -> new HashMap<>());
                at = next;
            }
            at.put(parts[parts.length - 1], value);
        });
        return ParticipantShare.countsOf(document, Year.of(year));
    }

    private static void assertEveryYearMatches(List<PathwayRecord> pathways, Map<String, Map<String, Long>> counters,
                                               String what) {
        assertEveryYearMatches(pathways, Map.of(), counters, what);
    }

    /** Every year 2008–2036 of every scope: the counters' figures, housing and health too, equal the fold. */
    private static void assertEveryYearMatches(List<PathwayRecord> pathways,
                                               Map<String, AccompanimentRecord> accompaniment,
                                               Map<String, Map<String, Long>> counters, String what) {
        List<PathwayRecord> premieresHeures = pathways.stream().filter(p -> PREMIERES_HEURES.equals(p.program()))
                .toList();
        for (String scope : List.of("nation", "t1", "t2")) {
            List<PathwayRecord> inScope = pathways.stream()
                    .filter(p -> scope.equals("nation") || scope.equals(p.territoryId())).toList();
            for (int year = 2008; year <= 2036; year++) {
                YearFigures figures = new YearFigures(STARTS, Year.of(year));
                PathwayCounts counted = countsOf(counters, scope, year);
                String at = what + ", " + scope + " " + year;
                assertEquals(figures.accompaniedParticipants(inScope).size(), counted.accompanied(), at);
                assertEquals(figures.exits(inScope).size(), counted.exits(), at);
                assertEquals(figures.averagePathwayMonths(inScope), counted.averagePathwayMonths(), at);
                assertEquals(figures.dynamicExits(inScope), counted.dynamicExits(), at);
                assertEquals(figures.fromPremieresHeures(inScope, premieresHeures), counted.fromPremieresHeures(), at);
                assertEquals(figures.premieresHeures(inScope), counted.premieresHeures(), at);
                AccompanimentFigures housingAndHealth = new AccompanimentFigures(figures, Year.of(year));
                Map<String, AccompanimentRecord> recorded = inScope(accompaniment, scope);
                assertEquals(housingAndHealth.housingResolved(inScope, recorded), counted.housingResolved(),
                        at + " housing");
                assertEquals(housingAndHealth.healthRightsOpened(inScope, recorded), counted.healthRightsOpened(),
                        at + " health");
            }
        }
        assertTrue(countsOf(counters, "nation", 2020).accompanied() > 0, "the history is not empty");
    }

    // ---------------------------------------------------------------- random histories

    /** People with one to three pathways, some in both territories, some after Premières Heures, a third open. */
    private static List<PathwayRecord> history(Random random, int people) {
        List<PathwayRecord> pathways = new ArrayList<>();
        for (int person = 0; person < people; person++) {
            String participant = "person" + person;
            int count = 1 + random.nextInt(3);
            for (int i = 0; i < count; i++) {
                String chantier = CHANTIERS.get(random.nextInt(CHANTIERS.size()));
                boolean ph = random.nextInt(4) == 0;
                LocalDate entry = LocalDate.of(2012, 1, 1).plusDays(random.nextInt(365 * 14));
                LocalDate exit = random.nextInt(3) == 0 ? null : entry.plusDays(random.nextInt(900));
                String category = exit == null ? null : CATEGORIES[random.nextInt(CATEGORIES.length)];
                String promotedTo = ph && exit != null && random.nextBoolean() ? "promoted" + person : null;
                pathways.add(pathway(participant + "-" + i, participant, ph ? PREMIERES_HEURES : CONVERGENCE,
                        chantier, entry.toString(), exit == null ? null : exit.toString(), ph ? null : category,
                        promotedTo));
            }
        }
        return pathways;
    }

    private static PathwayRecord pathway(String id, String participant, String program, String chantier, String entry,
                                         String exit, String category, String promotedTo) {
        TERRITORY_OF.put(id, chantier.substring(0, 2));
        return new PathwayRecord(id, participant, program, chantier.substring(0, 2), chantier,
                entry == null ? null : LocalDate.parse(entry), exit == null ? null : LocalDate.parse(exit), category,
                promotedTo);
    }

    private static PathwayRecord with(PathwayRecord p, LocalDate entry, LocalDate exit, String category) {
        return new PathwayRecord(p.pathwayId(), p.participantId(), p.program(), p.territoryId(), p.chantierId(), entry,
                exit, category, exit == null ? null : p.promotedTo());
    }

    private static Map<String, List<PathwayRecord>> byParticipant(List<PathwayRecord> pathways) {
        Map<String, List<PathwayRecord>> by = new LinkedHashMap<>();
        pathways.forEach(p -> by.computeIfAbsent(p.participantId(), k -> new ArrayList<>()).add(p));
        return by;
    }

    private static List<PathwayRecord> theirs(Map<String, PathwayRecord> current, String participant) {
        return current.values().stream().filter(p -> p.participantId().equals(participant)).toList();
    }

    private static List<PathwayRecord> interleaveKeepingEachPathwaysOrder(List<PathwayRecord> steps, Random random) {
        Map<String, List<PathwayRecord>> queues = new LinkedHashMap<>();
        steps.forEach(s -> queues.computeIfAbsent(s.pathwayId(), k -> new ArrayList<>()).add(s));
        List<List<PathwayRecord>> open = new ArrayList<>(queues.values());
        List<PathwayRecord> out = new ArrayList<>();
        while (!open.isEmpty()) {
            List<PathwayRecord> queue = open.get(random.nextInt(open.size()));
            out.add(queue.remove(0));
            if (queue.isEmpty()) {
                open.remove(queue);
            }
        }
        return out;
    }
}
