package org.convergence.reporting.figures;

import org.convergence.platform.programs.ProgramCatalog;

import java.time.Year;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * One pathway's share of a scope's hours worked and step-ups decided, for every year at once (ADR 0039): what
 * {@link HoursCounting} counts of that pathway alone. Both figures are sums over pathways, with no participant
 * counted once, so a scope's figure is the sum of its pathways' shares and a fact of one pathway moves the counters
 * by that pathway's share after minus its share before: single writer, the pathway key of the hours topic.
 *
 * <p>Counters, under {@code hours.<year>.} of a scope's counters document: minutes worked in the ISO weeks of that
 * week-based year by program ({@value #WORKED_PREMIERES_HEURES}, {@value #WORKED_CONVERGENCE}, {@value #WORKED_OTHER};
 * minutes, rounded to hours once per scope as the fold does) and {@value #STEP_UPS} taking effect in that calendar
 * year. {@code hours.}{@value #DECISIONS} counts every contract decision of any year: a scope with none has every
 * Premières Heures participant on the default contract, with no fold.
 */
public final class HoursShare {

    public static final String FIELD = "hours";
    static final String WORKED_PREMIERES_HEURES = "workedPremieresHeures";
    static final String WORKED_CONVERGENCE = "workedConvergence";
    static final String WORKED_OTHER = "workedOther";
    static final String STEP_UPS = "stepUps";
    static final String DECISIONS = "decisions";

    private HoursShare() {
    }

    /** The pathway's counters, by path under the scope's document; none for a pathway without hours facts. */
    public static Map<String, Long> of(String program, Map<String, ? extends Number> minutesByWeek,
                                       Collection<HoursRecord.Decision> decisions) {
        Map<String, Long> share = new TreeMap<>();
        minutesByWeek.forEach((week, minutes) -> share.merge(workedPath(program, week), minutes.longValue(),
                Long::sum));
        for (HoursRecord.Decision decision : decisions) {
            share.merge(FIELD + "." + DECISIONS, 1L, Long::sum);
            if (HoursCounting.LADDER_STEP.equals(decision.reason())) {
                share.merge(FIELD + "." + decision.from().getYear() + "." + STEP_UPS, 1L, Long::sum);
            }
        }
        share.values().removeIf(v -> v == 0);
        return share;
    }

    /**
     * What one week's new figure moves, the pathway's program and its other weeks and decisions unchanged: the
     * increments {@link #increments} gives for the shares before and after, without reading the pathway's other
     * weeks, so a fact costs the same after 260 weeks as after one.
     */
    public static Map<String, Long> weekChange(String program, String week, long minutesBefore, long minutesAfter) {
        long delta = minutesAfter - minutesBefore;
        return delta == 0 ? Map.of() : Map.of(workedPath(program, week), delta);
    }

    /** YYYY-Www: the week's minutes count in its week-based year, as the fold's prefix match says. */
    private static String workedPath(String program, String week) {
        String worked = ProgramCatalog.PREMIERES_HEURES.equals(program) ? WORKED_PREMIERES_HEURES
                : ProgramCatalog.CONVERGENCE.equals(program) ? WORKED_CONVERGENCE : WORKED_OTHER;
        return FIELD + "." + week.substring(0, 4) + "." + worked;
    }

    /** What moves a scope's counters from a pathway's share before a fact to its share after: after minus before. */
    public static Map<String, Long> increments(Map<String, Long> before, Map<String, Long> after) {
        Map<String, Long> increments = new TreeMap<>(after);
        before.forEach((path, value) -> increments.merge(path, -value, Long::sum));
        increments.values().removeIf(v -> v == 0);
        return increments;
    }

    /** A scope's year as its counters document holds it (absent fields count 0). */
    public static Counted countsOf(Map<String, ?> counters, Year year) {
        Map<String, Long> fields = new HashMap<>();
        if (counters.get(FIELD) instanceof Map<?, ?> hours) {
            if (hours.get(Integer.toString(year.getValue())) instanceof Map<?, ?> ofYear) {
                ofYear.forEach((name, value) -> fields.put(name.toString(), ((Number) value).longValue()));
            }
            if (hours.get(DECISIONS) instanceof Number n) {
                fields.put(DECISIONS, n.longValue());
            }
        }
        return new Counted(fields.getOrDefault(WORKED_PREMIERES_HEURES, 0L),
                fields.getOrDefault(WORKED_CONVERGENCE, 0L), fields.getOrDefault(WORKED_OTHER, 0L),
                fields.getOrDefault(STEP_UPS, 0L), fields.getOrDefault(DECISIONS, 0L));
    }

    /** A year's counted hours of a scope: minutes by program, step-ups, and the decisions of every year. */
    public record Counted(long minutesPremieresHeures, long minutesConvergence, long minutesOther, long stepUps,
                          long decisions) {

        public static final Counted ZERO = new Counted(0, 0, 0, 0, 0);

        public Counted plus(Counted o) {
            return new Counted(minutesPremieresHeures + o.minutesPremieresHeures,
                    minutesConvergence + o.minutesConvergence, minutesOther + o.minutesOther, stepUps + o.stepUps,
                    decisions + o.decisions);
        }

        /** Takes a pathway's share of this year out (one counted before its pathway was known, ADR 0039). */
        public Counted minus(Map<String, Long> share, Year year) {
            String prefix = FIELD + "." + year.getValue() + ".";
            return new Counted(minutesPremieresHeures - share.getOrDefault(prefix + WORKED_PREMIERES_HEURES, 0L),
                    minutesConvergence - share.getOrDefault(prefix + WORKED_CONVERGENCE, 0L),
                    minutesOther - share.getOrDefault(prefix + WORKED_OTHER, 0L),
                    stepUps - share.getOrDefault(prefix + STEP_UPS, 0L),
                    decisions - share.getOrDefault(FIELD + "." + DECISIONS, 0L));
        }
    }
}
