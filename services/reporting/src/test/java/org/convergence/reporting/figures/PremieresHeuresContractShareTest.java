package org.convergence.reporting.figures;

import org.convergence.reporting.projection.FigureCounters;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.Year;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * ADR 0041: a scope's Premières Heures contract distribution of any year is the sum of its participants' shares
 * (differences by year), and counters moved by share after minus before, the participant's pathway states and
 * decisions arriving in any interleaving, equal the fold ({@link HoursCounting#contracts}) over the final state.
 * Random histories include what makes the rule hard: two Premières Heures pathways of one person in a year (in one
 * territory or two, both open at the end of the year, exits on the same day), decisions before the entry, after
 * the exit, on the same day as another, and a decision per pathway in any year.
 */
class PremieresHeuresContractShareTest {

    private static final String PREMIERES_HEURES = "PREMIERES_HEURES";
    private static final Map<String, Integer> DEFAULT_HOURS = Map.of(PREMIERES_HEURES, 4);
    private static final List<String> SCOPES = List.of(FigureCounters.NATION, "t1", "t2");

    @Test
    void aPersonWithTwoPathwaysOpenAtTheEndOfTheYearCountsOnceAtTheLaterEntry() {
        List<PathwayRecord> pathways = List.of(
                pathway("a1", "a", "t1", "2019-03-01", null),
                pathway("a2", "a", "t2", "2020-06-01", null));
        Map<String, HoursRecord> hours = Map.of(
                "a1", decisions("a1", "a", "2019-05-01", 6),
                "a2", decisions("a2", "a", "2020-07-01", 8, "2021-01-04", 10));
        Map<String, Map<String, Long>> counters = new HashMap<>();
        add(counters, PremieresHeuresContractShare.of(pathways, hours));

        assertArrayEquals(new int[]{0, 1, 0, 0}, decided(counters, FigureCounters.NATION, 2019));
        assertArrayEquals(new int[]{0, 0, 1, 0}, decided(counters, FigureCounters.NATION, 2020), "at a2, entered later");
        assertArrayEquals(new int[]{0, 0, 0, 1}, decided(counters, FigureCounters.NATION, 2035), "the tail");
        assertArrayEquals(new int[]{0, 1, 0, 0}, decided(counters, "t1", 2035), "t1 counts its own pathway");
        assertArrayEquals(new int[]{0, 0, 0, 0}, decided(counters, "t2", 2019));
    }

    @Test
    void theSumOfTheParticipantsSharesIsTheFoldInEveryYearAndScope() {
        Random random = new Random(41);
        for (int round = 0; round < 30; round++) {
            Map<String, List<PathwayRecord>> byParticipant = new LinkedHashMap<>();
            Map<String, HoursRecord> hours = new HashMap<>();
            history(random, 60, byParticipant, hours);
            Map<String, Map<String, Long>> counters = new HashMap<>();
            byParticipant.values().forEach(theirs -> add(counters, PremieresHeuresContractShare.of(theirs,
                    hoursOf(theirs, hours))));
            assertEveryYearMatches(byParticipant, hours, counters, "round " + round);
        }
    }

    @Test
    void countersMovedChangeByChangeInAnyInterleavingEqualTheFold() {
        Random random = new Random(5);
        for (int round = 0; round < 20; round++) {
            Map<String, List<PathwayRecord>> byParticipant = new LinkedHashMap<>();
            Map<String, HoursRecord> finalHours = new HashMap<>();
            history(random, 40, byParticipant, finalHours);
            Map<String, Map<String, Long>> counters = new HashMap<>();
            for (List<PathwayRecord> theirs : byParticipant.values()) {
                // The participant's document goes through the states the two topics' facts make, interleaved at
                // random: a pathway enrolled with a wrong date, exited, corrected; decisions appended one by one.
                List<Runnable> facts = new ArrayList<>();
                Map<String, PathwayRecord> dates = new LinkedHashMap<>();
                Map<String, List<HoursRecord.Decision>> decided = new LinkedHashMap<>();
                for (PathwayRecord p : theirs) {
                    List<Runnable> ofPathway = new ArrayList<>();
                    ofPathway.add(() -> dates.put(p.pathwayId(), with(p, p.entryDate().minusMonths(random.nextInt(14)),
                            null)));
                    ofPathway.add(() -> dates.put(p.pathwayId(), with(p, p.entryDate(),
                            p.exitDate() == null ? p.entryDate().plusMonths(3) : p.exitDate().plusMonths(9))));
                    ofPathway.add(() -> dates.put(p.pathwayId(), p));
                    List<Runnable> ofHours = new ArrayList<>();
                    HoursRecord record = finalHours.get(p.pathwayId());
                    if (record != null) {
                        for (HoursRecord.Decision d : record.decisions()) {
                            ofHours.add(() -> decided.computeIfAbsent(p.pathwayId(), k -> new ArrayList<>()).add(d));
                        }
                    }
                    interleave(random, facts, ofPathway, ofHours);
                }
                Map<String, Map<String, Long>> share = Map.of();
                for (Runnable fact : facts) {
                    fact.run();
                    Map<String, Map<String, Long>> now = PremieresHeuresContractShare.of(List.copyOf(dates.values()),
                            hoursOf(decided));
                    add(counters, PremieresHeuresContractShare.increments(share, now));
                    share = now;
                }
            }
            assertEveryYearMatches(byParticipant, finalHours, counters, "round " + round);
        }
    }

    private static void assertEveryYearMatches(Map<String, List<PathwayRecord>> byParticipant,
                                               Map<String, HoursRecord> hours,
                                               Map<String, Map<String, Long>> counters, String round) {
        List<PathwayRecord> all = byParticipant.values().stream().flatMap(List::stream).toList();
        int withDecision = 0;
        for (int year = 2012; year <= 2036; year++) {
            for (String scope : SCOPES) {
                List<PathwayRecord> inScope = FigureCounters.NATION.equals(scope) ? all
                        : all.stream().filter(p -> scope.equals(p.territoryId())).toList();
                HoursCounting counting = new HoursCounting(Year.of(year), DEFAULT_HOURS);
                HoursFigures.PremieresHeuresContracts folded = counting.contracts(inScope, hours);
                int y = year;
                int active = (int) inScope.stream().filter(p -> p.entryDate() != null
                                && p.entryDate().getYear() <= y && (p.exitDate() == null || p.exitDate().getYear() >= y))
                        .map(PathwayRecord::participantId).distinct().count();
                int[] decided = decided(counters, scope, year);
                withDecision += decided[1] + decided[2] + decided[3];
                assertEquals(folded, counting.contractsFromCounters(decided, active), round + ", " + scope + " " + year);
                assertEquals(new HoursCounting(Year.of(year), Map.of()).contracts(inScope, hours),
                        new HoursCounting(Year.of(year), Map.of()).contractsFromCounters(decided, active),
                        round + ", " + scope + " " + year + ", no default contract");
            }
        }
        assertTrue(withDecision > 50, round + ": decisions in force counted " + withDecision);
    }

    /**
     * Participants with one to three Premières Heures pathways in t1 or t2 between 2014 and 2031, often
     * overlapping, some open; decisions of 3 to 12 weekly hours, some on the same day, some outside the pathway.
     */
    private static void history(Random random, int participants, Map<String, List<PathwayRecord>> byParticipant,
                                Map<String, HoursRecord> hours) {
        for (int i = 0; i < participants; i++) {
            String participant = "p" + i;
            List<PathwayRecord> theirs = new ArrayList<>();
            LocalDate start = LocalDate.of(2014, 1, 1).plusDays(random.nextInt(365 * 12));
            int count = 1 + random.nextInt(3);
            for (int k = 0; k < count; k++) {
                String id = participant + "-" + k;
                LocalDate entry = random.nextInt(4) == 0 ? start : start.plusDays(random.nextInt(500));
                LocalDate exit = random.nextInt(3) == 0 ? null : random.nextInt(5) == 0
                        ? LocalDate.of(entry.getYear(), 12, 31).plusYears(random.nextInt(2))
                        : entry.plusDays(random.nextInt(900));
                theirs.add(pathway(id, participant, random.nextBoolean() ? "t1" : "t2", entry.toString(),
                        exit == null ? null : exit.toString()));
                if (random.nextInt(5) > 0) {
                    List<HoursRecord.Decision> decisions = new ArrayList<>();
                    int n = 1 + random.nextInt(4);
                    for (int d = 0; d < n; d++) {
                        LocalDate from = d > 0 && random.nextInt(4) == 0 ? decisions.get(d - 1).from()
                                : entry.plusDays(random.nextInt(1000) - 100);
                        decisions.add(new HoursRecord.Decision(from, 3 + random.nextInt(10), "LADDER_STEP"));
                    }
                    hours.put(id, new HoursRecord(id, participant, PREMIERES_HEURES, "c", decisions, Map.of()));
                }
            }
            byParticipant.put(participant, theirs);
        }
    }

    /** Each list's order kept, the lists' facts interleaved at random. */
    private static void interleave(Random random, List<Runnable> into, List<Runnable> a, List<Runnable> b) {
        List<Runnable> merged = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < a.size() || j < b.size()) {
            if (j >= b.size() || (i < a.size() && random.nextBoolean())) {
                merged.add(a.get(i++));
            } else {
                merged.add(b.get(j++));
            }
        }
        // Pathways' facts interleave with each other too: insert this pathway's sequence at random points.
        int at = 0;
        for (Runnable fact : merged) {
            at = at + random.nextInt(into.size() - at + 1);
            into.add(at++, fact);
        }
    }

    private static Map<String, HoursRecord> hoursOf(List<PathwayRecord> theirs, Map<String, HoursRecord> hours) {
        return theirs.stream().filter(p -> hours.containsKey(p.pathwayId()))
                .collect(Collectors.toMap(PathwayRecord::pathwayId, p -> hours.get(p.pathwayId())));
    }

    private static Map<String, HoursRecord> hoursOf(Map<String, List<HoursRecord.Decision>> decided) {
        Map<String, HoursRecord> hours = new HashMap<>();
        decided.forEach((id, decisions) -> hours.put(id, new HoursRecord(id, "x", PREMIERES_HEURES, "c",
                decisions, Map.of())));
        return hours;
    }

    private static void add(Map<String, Map<String, Long>> counters, Map<String, Map<String, Long>> increments) {
        increments.forEach((scope, paths) -> paths.forEach((path, delta) ->
                counters.computeIfAbsent(scope, s -> new HashMap<>()).merge(path, delta, Long::sum)));
    }

    /** The counters as a document holds them ({@code phContracts.<year>.<bin>}), read by the read's code. */
    private static int[] decided(Map<String, Map<String, Long>> counters, String scope, int year) {
        Map<String, Object> document = new HashMap<>();
        counters.getOrDefault(scope, Map.of()).forEach((path, n) -> {
            String[] parts = path.split("\\.");
            @SuppressWarnings("unchecked")
            Map<String, Object> years = (Map<String, Object>) document.computeIfAbsent(parts[0], f -> new HashMap<>());
            @SuppressWarnings("unchecked")
            Map<String, Object> bins = (Map<String, Object>) years.computeIfAbsent(parts[1], y -> new HashMap<>());
            bins.put(parts[2], n);
        });
        return PremieresHeuresContractShare.decidedOf(document, Year.of(year));
    }

    private static PathwayRecord pathway(String id, String participant, String territory, String entry, String exit) {
        return new PathwayRecord(id, participant, PREMIERES_HEURES, territory, "c", LocalDate.parse(entry),
                exit == null ? null : LocalDate.parse(exit), null, null);
    }

    private static PathwayRecord with(PathwayRecord p, LocalDate entry, LocalDate exit) {
        return new PathwayRecord(p.pathwayId(), p.participantId(), p.program(), p.territoryId(), p.chantierId(), entry,
                exit, null, null);
    }

    private static HoursRecord decisions(String id, String participant, Object... fromAndHours) {
        List<HoursRecord.Decision> decisions = new ArrayList<>();
        for (int i = 0; i < fromAndHours.length; i += 2) {
            decisions.add(new HoursRecord.Decision(LocalDate.parse((String) fromAndHours[i]),
                    (Integer) fromAndHours[i + 1], "LADDER_STEP"));
        }
        return new HoursRecord(id, participant, PREMIERES_HEURES, "c", decisions, Map.of());
    }
}
