package org.convergence.simulator;

import org.convergence.contracts.IntegrationEventType;
import org.convergence.contracts.IntegrationPayload;
import org.convergence.contracts.Topics;
import org.convergence.contracts.chantier.ChantierPathwayFacts;
import org.convergence.contracts.chantier.CheckedInByChantierV1;
import org.convergence.contracts.chantier.EntryCorrectedByChantierV1;
import org.convergence.contracts.chantier.ExitCorrectedByChantierV1;
import org.convergence.contracts.chantier.PathwayEnrolledByChantierV1;
import org.convergence.contracts.chantier.PathwayExitedAtChantierV1;
import org.convergence.contracts.chantier.PathwayPromotedByChantierV1;
import org.convergence.contracts.hours.AbsenceMinutesV1;
import org.convergence.contracts.timesheets.TimesheetEvents;
import org.convergence.contracts.timesheets.WeekTimesheetReportedV1;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * Generates what chantiers' software sends over a few years: enrolments in Convergence and Premières Heures, entry
 * corrections, promotions to a CDDI, exits and their corrections, follow-up check-ins, the weekly timesheets of each
 * pathway with a few corrected weeks, and a share of bad records (see {@link Flaw}).
 *
 * <p>Deterministic: the shape of the history (how many pathways, which dates, which facts, which records are bad)
 * comes from the seed alone, its ids from the seed and the territory. Two territories generated with one seed thus
 * receive the same history under different ids, and their figures must agree.
 */
public final class HistoryGenerator {

    /**
     * @param badShare          bad records per valid record (0.1: one bad record for ten valid ones)
     * @param weeksPerPathway   at most this many weekly timesheets per pathway
     * @param asOf              the day the history is sent: entries lie in the four years before it, every fact
     *                          on or before it, and a pathway still running started less than five years before it
     *                          (Convergence's longest duration)
     */
    public record Plan(long seed, String territoryId, int chantiers, int pathwaysPerChantier, double badShare,
                       int weeksPerPathway, LocalDate asOf) {

        public Plan {
            if (chantiers < 1 || pathwaysPerChantier < 1 || weeksPerPathway < 0) {
                throw new IllegalArgumentException("at least one chantier and one pathway per chantier");
            }
            if (badShare < 0 || badShare > 1) {
                throw new IllegalArgumentException("the bad share is between 0 and 1");
            }
        }
    }

    private static final String[] CATEGORIES = {"DURABLE_EMPLOYMENT", "TRANSITIONAL_EMPLOYMENT", "POSITIVE_EXIT",
            "OTHER"};
    private static final String[] HOUSING = {"STREET", "EMERGENCY_SHELTER", "COLLECTIVE_SHELTER",
            "SUBSTANDARD_HOUSING", "HOSTED_BY_THIRD_PARTY", "TEMPORARY_HOUSING", "SOCIAL_HOUSING"};

    private final Plan plan;
    /** The shape of the history: drawn in the same order whatever the territory. */
    private final Random shape;
    /** Ids only. */
    private final Random ids;
    private final List<Sent> sent = new ArrayList<>();
    private final List<Pathway> pathways = new ArrayList<>();
    private final LocalDate firstEntry;
    private final int entryDays;

    private HistoryGenerator(Plan plan) {
        this.firstEntry = plan.asOf().minusMonths(48);
        this.entryDays = (int) (plan.asOf().minusMonths(10).toEpochDay() - firstEntry.toEpochDay());
        this.plan = plan;
        this.shape = new Random(plan.seed());
        this.ids = new Random(plan.seed() * 31 + plan.territoryId().hashCode());
    }

    public static History generate(Plan plan) {
        return new HistoryGenerator(plan).history();
    }

    /** A record and the day its software sends it: the history is sent in that order. */
    private record Sent(LocalDate on, int sequence, SimulatedRecord record) {
    }

    /** A pathway as the generator knows it, for the bad records that refer to it. */
    private record Pathway(String id, String chantierId, LocalDate entry, LocalDate end) {
    }

    private History history() {
        List<ChantierSetup> chantiers = new ArrayList<>();
        for (int c = 1; c <= plan.chantiers(); c++) {
            Map<String, LocalDate> programs = new LinkedHashMap<>();
            programs.put("CONVERGENCE", LocalDate.of(2018, 1, 1));
            programs.put("PREMIERES_HEURES", LocalDate.of(2019, 1, 1));
            chantiers.add(new ChantierSetup(plan.territoryId(), plan.territoryId() + "-chantier-" + c,
                    "Chantier " + c + " (simulated)", programs));
        }
        for (ChantierSetup chantier : chantiers) {
            for (int p = 0; p < plan.pathwaysPerChantier(); p++) {
                pathwayOf(chantier.chantierId());
            }
        }
        int validCount = sent.size();
        long badCount = Math.round(validCount * plan.badShare());
        Flaw[] flaws = Flaw.values();
        for (int b = 0; b < badCount; b++) {
            Flaw flaw = flaws[b % flaws.length];
            if (plan.chantiers() < 2 && (flaw == Flaw.OTHER_CHANTIERS_PATHWAY || flaw == Flaw.OTHER_CHANTIERS_TIMESHEET)) {
                flaw = flaw == Flaw.OTHER_CHANTIERS_PATHWAY ? Flaw.EXIT_BEFORE_ENTRY : Flaw.HOURS_ABOVE_MAXIMUM;
            }
            bad(flaw, pathways.get(shape.nextInt(pathways.size())), chantiers);
        }
        List<SimulatedRecord> records = sent.stream()
                .sorted(Comparator.comparing(Sent::on).thenComparingInt(Sent::sequence))
                .map(Sent::record).toList();
        return new History(plan.territoryId(), chantiers, records);
    }

    private void pathwayOf(String chantierId) {
        String pathwayId = uuid();
        boolean premieresHeures = shape.nextInt(10) < 3;
        LocalDate entry = firstEntry.plusDays(shape.nextInt(entryDays));
        LocalDate enrolledOn = entry.plusDays(shape.nextInt(5));
        fact(enrolledOn, ChantierPathwayFacts.ENROLLED, chantierId, pathwayId, entry,
                new PathwayEnrolledByChantierV1(pathwayId, null, premieresHeures ? "PREMIERES_HEURES" : "CONVERGENCE",
                        entry));
        // The software knows the person from the day it sent the enrolment (or the entry correction): no week of
        // theirs is sent before, or a week allowed only by the corrected entry would meet the entry before it.
        LocalDate knownFrom = enrolledOn;
        if (shape.nextInt(100) < 15) {
            // Typed in late: the person had started a few days before.
            entry = entry.minusDays(1 + shape.nextInt(10));
            knownFrom = enrolledOn.plusDays(7);
            fact(knownFrom, ChantierPathwayFacts.ENTRY_CORRECTED, chantierId, pathwayId, entry,
                    new EntryCorrectedByChantierV1(pathwayId, entry));
        }
        if (premieresHeures) {
            premieresHeures(chantierId, pathwayId, entry, knownFrom);
        } else {
            convergence(chantierId, pathwayId, entry, knownFrom);
        }
    }

    private void premieresHeures(String chantierId, String pathwayId, LocalDate entry, LocalDate knownFrom) {
        boolean promoted = shape.nextBoolean();
        LocalDate end = entry.plusMonths(3 + shape.nextInt(7));
        timesheets(chantierId, pathwayId, entry, end, knownFrom, 240, 480);
        if (promoted) {
            String cddi = uuid();
            fact(end, ChantierPathwayFacts.PROMOTED, chantierId, pathwayId, end,
                    new PathwayPromotedByChantierV1(pathwayId, cddi, end));
            pathways.add(new Pathway(pathwayId, chantierId, entry, end));
            convergence(chantierId, cddi, end, end);
        } else if (shape.nextBoolean()) {
            fact(end, ChantierPathwayFacts.EXITED, chantierId, pathwayId, end,
                    new PathwayExitedAtChantierV1(pathwayId, end, pick(CATEGORIES), null));
            pathways.add(new Pathway(pathwayId, chantierId, entry, end));
        } else {
            pathways.add(new Pathway(pathwayId, chantierId, entry, null));
        }
    }

    private void convergence(String chantierId, String pathwayId, LocalDate entry, LocalDate knownFrom) {
        LocalDate exit = entry.plusMonths(4 + shape.nextInt(20)).plusDays(shape.nextInt(28));
        // An exit whose follow-up check-ins would not all have happened yet is left for later: still running.
        boolean exits = shape.nextInt(10) < 6 && !exit.plusMonths(7).isAfter(plan.asOf());
        timesheets(chantierId, pathwayId, entry, exits ? exit : null, knownFrom, 1200, 1560);
        pathways.add(new Pathway(pathwayId, chantierId, entry, exits ? exit : null));
        if (!exits) {
            return;
        }
        String category = pick(CATEGORIES);
        String housing = shape.nextBoolean() ? pick(HOUSING) : null;
        fact(exit, ChantierPathwayFacts.EXITED, chantierId, pathwayId, exit,
                new PathwayExitedAtChantierV1(pathwayId, exit, category, housing));
        if (shape.nextInt(100) < 20) {
            String corrected = pick(CATEGORIES);
            fact(exit.plusDays(20), ChantierPathwayFacts.EXIT_CORRECTED, chantierId, pathwayId, exit,
                    new ExitCorrectedByChantierV1(pathwayId, exit, corrected, housing));
        }
        for (int milestone : new int[]{1, 3, 6}) {
            if (shape.nextInt(100) < 70) {
                LocalDate seen = exit.plusMonths(milestone).plusDays(shape.nextInt(14));
                fact(seen, ChantierPathwayFacts.CHECKED_IN, chantierId, pathwayId, seen,
                        new CheckedInByChantierV1(pathwayId, milestone, seen, pick(CATEGORIES), pick(HOUSING)));
            }
        }
    }

    /**
     * The first weeks of a pathway, each sent the Monday after it (or the day the software knew the person, if
     * later); a few corrected three weeks later. Weeks lie wholly between the entry and the end, whichever door
     * applies them first.
     */
    private void timesheets(String chantierId, String pathwayId, LocalDate entry, LocalDate end, LocalDate knownFrom,
                            int minMinutes, int maxMinutes) {
        LocalDate monday = entry.plusDays(7).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        for (int w = 0; w < plan.weeksPerPathway(); w++, monday = monday.plusWeeks(1)) {
            if (end != null && !monday.plusDays(13).isBefore(end)) {
                return;
            }
            String week = isoWeek(monday);
            int worked = minMinutes + 30 * shape.nextInt((maxMinutes - minMinutes) / 30 + 1);
            AbsenceMinutesV1 absences = shape.nextInt(10) == 0 ? new AbsenceMinutesV1(240, 0, 0, 0)
                    : new AbsenceMinutesV1(0, 0, 0, 0);
            timesheet(latest(monday.plusWeeks(1), knownFrom), chantierId, pathwayId, week, worked, absences, null);
            if (shape.nextInt(100) < 8) {
                timesheet(latest(monday.plusWeeks(3), knownFrom), chantierId, pathwayId, week, worked - 60, absences,
                        null);
            }
        }
    }

    private void bad(Flaw flaw, Pathway target, List<ChantierSetup> chantiers) {
        String other = chantiers.stream().map(ChantierSetup::chantierId)
                .filter(id -> !id.equals(target.chantierId())).findFirst().orElse(target.chantierId());
        LocalDate afterEntry = target.entry().plusDays(1 + shape.nextInt(20));
        // After the pathway's enrolment (and its entry correction, if any) has been sent: a bad record about a
        // pathway must be refused for its flaw, not wait for a pathway sent after it.
        LocalDate sentOn = target.entry().plusDays(20);
        String week = isoWeek(target.entry().plusDays(7).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)));
        switch (flaw) {
            case PATHWAY_MALFORMED -> {
                String pathwayId = uuid();
                add(sentOn, record(ChantierPathwayFacts.ENROLLED, target.chantierId(),
                        pathwayId, target.entry(), new PathwayEnrolledByChantierV1(pathwayId, null, "CONVERGENCE",
                                target.entry()), flaw));
            }
            case EXIT_BEFORE_ENTRY -> {
                LocalDate before = target.entry().minusDays(1 + shape.nextInt(30));
                add(sentOn, record(ChantierPathwayFacts.EXITED, target.chantierId(),
                        target.id(), before, new PathwayExitedAtChantierV1(target.id(), before, pick(CATEGORIES), null),
                        flaw));
            }
            case OTHER_CHANTIERS_PATHWAY -> add(sentOn, record(ChantierPathwayFacts.EXITED,
                    other, target.id(), afterEntry,
                    new PathwayExitedAtChantierV1(target.id(), afterEntry, pick(CATEGORIES), null), flaw));
            case TIMESHEET_MALFORMED -> add(sentOn, record(TimesheetEvents.WEEK_TIMESHEET_REPORTED,
                    target.chantierId(), target.id(), target.entry(), new WeekTimesheetReportedV1(target.id(),
                            week.substring(0, 4) + "-W54", 600, new AbsenceMinutesV1(0, 0, 0, 0)), flaw));
            case HOURS_ABOVE_MAXIMUM -> add(sentOn, record(TimesheetEvents.WEEK_TIMESHEET_REPORTED,
                    target.chantierId(), target.id(), target.entry(), new WeekTimesheetReportedV1(target.id(), week,
                            3000, new AbsenceMinutesV1(0, 0, 1200, 0)), flaw));
            case OTHER_CHANTIERS_TIMESHEET -> add(sentOn, record(TimesheetEvents.WEEK_TIMESHEET_REPORTED, other,
                    target.id(), target.entry(),
                    new WeekTimesheetReportedV1(target.id(), week, 600, new AbsenceMinutesV1(0, 0, 0, 0)), flaw));
        }
    }

    private <P extends IntegrationPayload> void fact(LocalDate sentOn, IntegrationEventType<P> type, String chantierId,
                                                    String pathwayId, LocalDate occurredOn, P payload) {
        add(sentOn, record(type, chantierId, pathwayId, occurredOn, payload, null));
    }

    private void timesheet(LocalDate sentOn, String chantierId, String pathwayId, String week, int worked,
                           AbsenceMinutesV1 absences, Flaw flaw) {
        LocalDate occurredOn = LocalDate.of(Integer.parseInt(week.substring(0, 4)), 1, 4)
                .with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, Integer.parseInt(week.substring(6)))
                .with(DayOfWeek.MONDAY);
        add(sentOn, record(TimesheetEvents.WEEK_TIMESHEET_REPORTED, chantierId, pathwayId,
                occurredOn, new WeekTimesheetReportedV1(pathwayId, week, worked, absences), flaw));
    }

    /** A record on its sender's own topic (ADR 0021): the chantier it names is the one whose software sends it. */
    private SimulatedRecord record(IntegrationEventType<?> type, String chantierId, String pathwayId,
                                   LocalDate occurredOn, IntegrationPayload payload, Flaw flaw) {
        String topic = type.equals(TimesheetEvents.WEEK_TIMESHEET_REPORTED) ? Topics.timesheetsOf(chantierId)
                : Topics.chantierPathwaysOf(chantierId);
        return new SimulatedRecord(topic, uuid(), pathwayId, plan.territoryId(), chantierId, type, payload,
                occurredOn, flaw);
    }

    private void add(LocalDate sentOn, SimulatedRecord record) {
        sent.add(new Sent(sentOn, sent.size(), record));
    }

    private static LocalDate latest(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    private String pick(String[] values) {
        return values[shape.nextInt(values.length)];
    }

    /** A random (version 4) UUID drawn from the id generator: lowercase canonical, as the contracts want. */
    private String uuid() {
        long high = (ids.nextLong() & ~0xF000L) | 0x4000L;
        long low = (ids.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low).toString();
    }

    static String isoWeek(LocalDate day) {
        return "%d-W%02d".formatted(day.get(IsoFields.WEEK_BASED_YEAR), day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }
}
