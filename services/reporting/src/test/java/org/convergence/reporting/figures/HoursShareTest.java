package org.convergence.reporting.figures;

import org.bson.Document;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.Year;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * ADR 0039: a scope's hours worked and step-ups are the sum of its pathways' hours shares. Counters moved fact by fact
 * by each pathway's share after minus before (weeks recorded, recorded again, corrected; decisions; a pathway's
 * program changed) equal {@link HoursCounting}'s fold in every year, rounding included.
 */
class HoursShareTest {

    private static final String[] PROGRAMS = {"PREMIERES_HEURES", "CONVERGENCE", "OTHER_PROGRAM"};
    private static final String[] REASONS = {"LADDER_STEP", "HEALTH", "CONTRACT_START"};

    @Test
    void countersMovedFactByFactEqualTheFoldInEveryYear() {
        Random random = new Random(7);
        List<PathwayRecord> pathways = new ArrayList<>();
        Map<String, String> program = new HashMap<>();
        Map<String, Map<String, Integer>> weeks = new HashMap<>();
        Map<String, List<HoursRecord.Decision>> decisions = new HashMap<>();
        for (int i = 0; i < 200; i++) {
            String id = "p" + i;
            pathways.add(new PathwayRecord(id, "person" + i, PROGRAMS[i % 3], "t", "c", LocalDate.of(2018, 1, 1),
                    null, null, null));
            program.put(id, PROGRAMS[i % 3]);
            weeks.put(id, new LinkedHashMap<>());
            decisions.put(id, new ArrayList<>());
        }
        Map<String, Long> counters = new HashMap<>();
        for (int fact = 0; fact < 3000; fact++) {
            String id = "p" + random.nextInt(200);
            Map<String, Long> before = HoursShare.of(program.get(id), weeks.get(id), decisions.get(id));
            switch (random.nextInt(10)) {
                case 0 -> decisions.get(id).add(new HoursRecord.Decision(LocalDate.of(2016, 1, 1)
                        .plusDays(random.nextInt(3650)), 4 + random.nextInt(20), REASONS[random.nextInt(3)]));
                case 1 -> program.put(id, PROGRAMS[random.nextInt(3)]);
                default -> weeks.get(id).put(String.format("%d-W%02d", 2016 + random.nextInt(10),
                        1 + random.nextInt(53)), random.nextInt(2400));
            }
            HoursShare.increments(before, HoursShare.of(program.get(id), weeks.get(id), decisions.get(id)))
                    .forEach((path, delta) -> counters.merge(path, delta, Long::sum));
        }
        Map<String, HoursRecord> records = new HashMap<>();
        pathways.forEach(p -> records.put(p.pathwayId(), new HoursRecord(p.pathwayId(), p.participantId(),
                program.get(p.pathwayId()), "c", decisions.get(p.pathwayId()), weeks.get(p.pathwayId()))));
        Document stored = nested(counters);
        long decided = decisions.values().stream().mapToLong(List::size).sum();
        for (int year = 2014; year <= 2027; year++) {
            HoursCounting counting = new HoursCounting(Year.of(year), Map.of());
            HoursFigures folded = counting.of(pathways, records);
            HoursShare.Counted counted = HoursShare.countsOf(stored, Year.of(year));
            assertEquals(folded, counting.fromCounters(counted, folded.premieresHeuresContracts()), "year " + year);
            assertEquals(decided, counted.decisions());
        }
        assertTrue(new HoursCounting(Year.of(2020), Map.of()).of(pathways, records).workedConvergence() > 100);
    }

    @Test
    void aWeeksNewFigureMovesTheCountersAsTheWholeSharesBeforeAndAfterDo() {
        Random random = new Random(11);
        for (int i = 0; i < 2000; i++) {
            String program = PROGRAMS[random.nextInt(3)];
            Map<String, Integer> weeks = new LinkedHashMap<>();
            for (int w = random.nextInt(30); w > 0; w--) {
                weeks.put(aWeek(random), random.nextInt(2400));
            }
            List<HoursRecord.Decision> decisions = new ArrayList<>();
            for (int d = random.nextInt(3); d > 0; d--) {
                decisions.add(new HoursRecord.Decision(LocalDate.of(2016, 1, 1).plusDays(random.nextInt(3650)),
                        4 + random.nextInt(20), REASONS[random.nextInt(3)]));
            }
            // Half the time a week already recorded: a correction, sometimes to the same figure.
            String week = random.nextBoolean() && !weeks.isEmpty()
                    ? new ArrayList<>(weeks.keySet()).get(random.nextInt(weeks.size())) : aWeek(random);
            int minutes = random.nextInt(4) == 0 && weeks.containsKey(week) ? weeks.get(week) : random.nextInt(2400);
            Map<String, Long> before = HoursShare.of(program, weeks, decisions);
            long minutesBefore = weeks.getOrDefault(week, 0);
            weeks.put(week, minutes);
            assertEquals(HoursShare.increments(before, HoursShare.of(program, weeks, decisions)),
                    HoursShare.weekChange(program, week, minutesBefore, minutes), "case " + i);
        }
    }

    private static String aWeek(Random random) {
        return String.format("%d-W%02d", 2016 + random.nextInt(4), 1 + random.nextInt(53));
    }

    /** The counters as the server leaves them after {@code $inc} on dotted paths. */
    private static Document nested(Map<String, Long> counters) {
        Document root = new Document();
        counters.forEach((path, value) -> {
            String[] parts = path.split("\\.");
            Document at = root;
            for (int i = 0; i < parts.length - 1; i++) {
                at = (Document) at.computeIfAbsent(parts[i], k -> new Document());
            }
            at.put(parts[parts.length - 1], value);
        });
        return root;
    }
}
