package org.convergence.reporting.figures;

import org.convergence.platform.programs.ProgramCatalog;

import java.time.LocalDate;
import java.time.Year;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Computes {@link HoursFigures} from a scope's pathways and their hours facts. Pure. A pathway's hours count where
 * reporting knows the pathway (its enrolment fact arrived), like every other figure.
 * <ul>
 *   <li>Hours worked: the minutes worked in the ISO weeks of the year (a week belongs to the year of its
 *   Thursday, as ISO 8601 says), by the program of the pathway, in whole hours (rounded to the nearest).</li>
 *   <li>Premières Heures contracts: distinct participants with a Premières Heures pathway active on a day of the year,
 *   by the weekly hours of their contract on the last day of the year, or on their exit if earlier (the program's
 *   default before any decision); a participant with two such pathways counts once, at the later one.</li>
 *   <li>Step-ups decided: contract decisions with reason {@code LADDER_STEP} taking effect in the year.</li>
 * </ul>
 */
public final class HoursCounting {

    public static final String LADDER_STEP = "LADDER_STEP";

    private final Year year;
    private final LocalDate firstDay;
    private final LocalDate lastDay;
    private final Map<String, Integer> defaultWeeklyHours;

    /** @param defaultWeeklyHours by program, the contract before any decision (the program catalogue's default) */
    public HoursCounting(Year year, Map<String, Integer> defaultWeeklyHours) {
        this.year = year;
        this.firstDay = year.atDay(1);
        this.lastDay = year.atMonth(12).atEndOfMonth();
        this.defaultWeeklyHours = Map.copyOf(defaultWeeklyHours);
    }

    public HoursFigures of(Collection<PathwayRecord> pathways, Map<String, HoursRecord> hours) {
        Set<String> inScope = pathways.stream().map(PathwayRecord::pathwayId).collect(Collectors.toSet());
        String weekPrefix = String.format("%04d-W", year.getValue());
        Map<String, Long> minutesByProgram = new HashMap<>();
        int stepUps = 0;
        for (HoursRecord record : hours.values()) {
            if (!inScope.contains(record.pathwayId())) {
                continue;
            }
            long minutes = record.minutesByWeek().entrySet().stream().filter(e -> e.getKey().startsWith(weekPrefix))
                    .mapToLong(Map.Entry::getValue).sum();
            minutesByProgram.merge(record.program(), minutes, Long::sum);
            stepUps += (int) record.decisions().stream()
                    .filter(d -> LADDER_STEP.equals(d.reason()) && inYear(d.from())).count();
        }
        long ph = hoursOf(minutesByProgram.remove(ProgramCatalog.PREMIERES_HEURES));
        long convergence = hoursOf(minutesByProgram.remove(ProgramCatalog.CONVERGENCE));
        long others = hoursOf(minutesByProgram.values().stream().mapToLong(Long::longValue).sum());
        return new HoursFigures(ph, convergence, others, contracts(pathways, hours), stepUps);
    }

    /**
     * The hours figures from a scope's counters (ADR 0039): hours worked and step-ups counted per pathway, rounded
     * to hours here as {@link #of} rounds the folded minutes; the Premières Heures contracts given.
     */
    public HoursFigures fromCounters(HoursShare.Counted counted, HoursFigures.PremieresHeuresContracts contracts) {
        return new HoursFigures(hoursOf(counted.minutesPremieresHeures()), hoursOf(counted.minutesConvergence()),
                hoursOf(counted.minutesOther()), contracts, Math.toIntExact(counted.stepUps()));
    }

    /** Premières Heures participants by contract: folded over the year's pathways and their hours facts. */
    public HoursFigures.PremieresHeuresContracts contracts(Collection<PathwayRecord> pathways,
                                                           Map<String, HoursRecord> hours) {
        int[] bins = new int[4];
        for (PathwayRecord p : countedByParticipant(pathways).values()) {
            Integer weeklyHours = decidedOn(p, hours.get(p.pathwayId())).stream().boxed().findFirst()
                    .orElse(defaultWeeklyHours.get(ProgramCatalog.PREMIERES_HEURES));
            if (weeklyHours != null) {
                bins[binOf(weeklyHours)]++;
            }
        }
        return new HoursFigures.PremieresHeuresContracts(bins[0], bins[1], bins[2], bins[3]);
    }

    /**
     * The pathway each Premières Heures participant active in the year counts at: the later of their pathways
     * active in the year, by last counted day (the end of the year, or the exit if earlier). On the same last
     * counted day (two pathways open at the end of the year), the later entry, then the greater pathway id: a rule
     * of the pathways alone, so the fold and the counters (ADR 0041) choose the same pathway whatever order the
     * pathways are read in.
     */
    Map<String, PathwayRecord> countedByParticipant(Collection<PathwayRecord> pathways) {
        Map<String, PathwayRecord> latestByParticipant = new HashMap<>();
        for (PathwayRecord p : pathways) {
            if (ProgramCatalog.PREMIERES_HEURES.equals(p.program()) && isActiveInYear(p)) {
                latestByParticipant.merge(p.participantId(), p, (a, b) -> countsBefore(a, b) ? b : a);
            }
        }
        return latestByParticipant;
    }

    private boolean countsBefore(PathwayRecord a, PathwayRecord b) {
        int byDay = lastCountedDay(a).compareTo(lastCountedDay(b));
        if (byDay != 0) {
            return byDay < 0;
        }
        int byEntry = a.entryDate().compareTo(b.entryDate());
        return byEntry != 0 ? byEntry < 0 : a.pathwayId().compareTo(b.pathwayId()) < 0;
    }

    /** The weekly hours decided for the pathway's last counted day of the year; empty before any decision. */
    java.util.OptionalInt decidedOn(PathwayRecord p, HoursRecord record) {
        return record == null ? java.util.OptionalInt.empty() : record.weeklyHoursOn(lastCountedDay(p));
    }

    /**
     * The figures of a scope no hours fact names (ADR 0031): nothing worked, no step-up, and each of the
     * {@code premieresHeuresActive} participants on the program's default contract.
     */
    public HoursFigures withoutHoursFacts(int premieresHeuresActive) {
        return new HoursFigures(0, 0, 0, onTheDefaultContract(premieresHeuresActive), 0);
    }

    /**
     * Premières Heures participants by contract from a scope's counters (ADR 0041): the decided ones by bin, and the
     * other {@code premieresHeuresActive} participants on the program's default contract.
     */
    public HoursFigures.PremieresHeuresContracts contractsFromCounters(int[] decided, int premieresHeuresActive) {
        int[] bins = decided.clone();
        Integer weeklyHours = defaultWeeklyHours.get(ProgramCatalog.PREMIERES_HEURES);
        if (weeklyHours != null) {
            bins[binOf(weeklyHours)] += premieresHeuresActive - java.util.Arrays.stream(decided).sum();
        }
        return new HoursFigures.PremieresHeuresContracts(bins[0], bins[1], bins[2], bins[3]);
    }

    /** Each of the {@code premieresHeuresActive} participants on the program's default contract (no decision). */
    public HoursFigures.PremieresHeuresContracts onTheDefaultContract(int premieresHeuresActive) {
        int[] bins = new int[4];
        Integer weeklyHours = defaultWeeklyHours.get(ProgramCatalog.PREMIERES_HEURES);
        if (weeklyHours != null) {
            bins[binOf(weeklyHours)] = premieresHeuresActive;
        }
        return new HoursFigures.PremieresHeuresContracts(bins[0], bins[1], bins[2], bins[3]);
    }

    static int binOf(int weeklyHours) {
        return weeklyHours <= 4 ? 0 : weeklyHours <= 6 ? 1 : weeklyHours <= 8 ? 2 : 3;
    }

    private boolean isActiveInYear(PathwayRecord p) {
        return p.entryDate() != null && !p.entryDate().isAfter(lastDay)
                && (p.exitDate() == null || !p.exitDate().isBefore(firstDay));
    }

    private LocalDate lastCountedDay(PathwayRecord p) {
        return p.exitDate() != null && p.exitDate().isBefore(lastDay) ? p.exitDate() : lastDay;
    }

    private boolean inYear(LocalDate day) {
        return !day.isBefore(firstDay) && !day.isAfter(lastDay);
    }

    private static long hoursOf(long minutes) {
        return Math.round(minutes / 60.0);
    }

    private static long hoursOf(Long minutes) {
        return minutes == null ? 0 : Math.round(minutes / 60.0);
    }
}
