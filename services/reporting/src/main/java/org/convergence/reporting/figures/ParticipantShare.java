package org.convergence.reporting.figures;

import java.time.LocalDate;
import java.time.Year;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.IntFunction;

/**
 * One participant's share of a scope's pathway figures, for every year at once (ADR 0031). The share is non-zero
 * from the first year any of its dates falls in, and constant after the last one: past every entry, exit and
 * counting start, an open pathway counts in each year the same way (accompanied, active in Premières Heures) and
 * nothing else changes. So a share is a few explicit years plus a tail, the count of every later year: an open
 * pathway needs no entry per year, and no read folds it.
 *
 * @param years explicit counts by calendar year, from the first to the last year of the participant's dates
 * @param tailFrom the first year the tail applies to (the year after the last explicit one)
 * @param tail the counts of {@code tailFrom} and every later year
 */
public record ParticipantShare(Map<Integer, PathwayCounts> years, int tailFrom, PathwayCounts tail) {

    public static final ParticipantShare NONE = new ParticipantShare(Map.of(), 0, PathwayCounts.ZERO);

    /**
     * @param inScope              the participant's pathways in the scope (a territory, or all for the nation)
     * @param everyPathwayOfTheirs every pathway of the participant, in any territory (came from Premières Heures)
     * @param convergenceStarts    per chantier, the day it started carrying Convergence (see {@link YearFigures})
     */
    public static ParticipantShare of(Collection<PathwayRecord> inScope, Collection<PathwayRecord> everyPathwayOfTheirs,
                                      Map<String, LocalDate> convergenceStarts) {
        return of(inScope, everyPathwayOfTheirs, Map.of(), convergenceStarts);
    }

    /**
     * The share with the housing and health counts (ADR 0034). Past the last of the accompaniment's dates too, the
     * share stays constant: an exit is in an explicit year, and an opening in an open pathway's window stays in it.
     *
     * @param accompaniment by pathway id, the participant's accompaniment recorded in the scope
     */
    public static ParticipantShare of(Collection<PathwayRecord> inScope, Collection<PathwayRecord> everyPathwayOfTheirs,
                                      Map<String, AccompanimentRecord> accompaniment,
                                      Map<String, LocalDate> convergenceStarts) {
        List<PathwayRecord> scope = List.copyOf(inScope);
        List<PathwayRecord> theirs = List.copyOf(everyPathwayOfTheirs);
        return assemble(scope, accompaniment, convergenceStarts, year -> PathwayCounts.of(
                new YearFigures(convergenceStarts, Year.of(year)), scope, theirs, accompaniment));
    }

    /**
     * The same share as {@link #of}, for the counters (ADR 0044): each year's counts by one pass over the
     * participant's few pathways ({@link OneParticipantCounts}) instead of the figures' collections, which
     * {@link #of} builds again for every year and scope of every fact. Pathways or accompaniment of several people
     * are left to {@link #of}. The tests compare the two share for share ({@code ParticipantShareTest}).
     */
    public static ParticipantShare ofOneParticipant(List<PathwayRecord> inScope, List<PathwayRecord> everyPathwayOfTheirs,
                                                    Map<String, AccompanimentRecord> accompaniment,
                                                    Map<String, LocalDate> convergenceStarts) {
        OneParticipantCounts counts = OneParticipantCounts.of(inScope, everyPathwayOfTheirs, accompaniment,
                convergenceStarts);
        if (counts == null) {
            return of(inScope, everyPathwayOfTheirs, accompaniment, convergenceStarts);
        }
        return assemble(inScope, accompaniment, convergenceStarts, counts::inYear);
    }

    /** Explicit years from the first to the last year of the dates, plus the tail; zero years are left out. */
    private static ParticipantShare assemble(Collection<PathwayRecord> inScope,
                                             Map<String, AccompanimentRecord> accompaniment,
                                             Map<String, LocalDate> convergenceStarts,
                                             IntFunction<PathwayCounts> countsInYear) {
        int first = Integer.MAX_VALUE;
        int last = Integer.MIN_VALUE;
        for (PathwayRecord p : inScope) {
            for (LocalDate date : new LocalDate[]{p.entryDate(), p.exitDate(), convergenceStarts.get(p.chantierId())}) {
                if (date != null) {
                    first = Math.min(first, date.getYear());
                    last = Math.max(last, date.getYear());
                }
            }
        }
        if (first == Integer.MAX_VALUE) {
            return NONE;
        }
        for (AccompanimentRecord record : accompaniment.values()) {
            List<LocalDate> dates = new ArrayList<>(record.healthRightsOpenings());
            record.housing().forEach(change -> dates.add(change.on()));
            for (LocalDate date : dates) {
                first = Math.min(first, date.getYear());
                last = Math.max(last, date.getYear());
            }
        }
        Map<Integer, PathwayCounts> years = new TreeMap<>();
        for (int year = first; year <= last; year++) {
            PathwayCounts counts = countsInYear.apply(year);
            if (!counts.isZero()) {
                years.put(year, counts);
            }
        }
        return new ParticipantShare(years, last + 1, countsInYear.apply(last + 1));
    }

    /**
     * The increments that move a scope's counters from one share of a participant to another, as counter paths
     * ({@code <year>.<field>} for an explicit year, {@code tail.<year>.<field>} for a tail starting that year):
     * what was counted is taken back, what is counted now is added; an unchanged share moves nothing.
     */
    public static Map<String, Long> increments(ParticipantShare before, ParticipantShare after) {
        Map<String, Long> increments = new HashMap<>();
        after.addTo(increments, 1);
        before.addTo(increments, -1);
        increments.values().removeIf(v -> v == 0);
        return increments;
    }

    private void addTo(Map<String, Long> increments, int sign) {
        years.forEach((year, counts) -> add(increments, year.toString(), counts, sign));
        if (!tail.isZero()) {
            add(increments, "tail." + tailFrom, tail, sign);
        }
    }

    private static void add(Map<String, Long> increments, String prefix, PathwayCounts counts, int sign) {
        for (int i = 0; i < PathwayCounts.FIELDS.size(); i++) {
            if (counts.get(i) != 0) {
                increments.merge(prefix + "." + PathwayCounts.FIELDS.get(i), sign * counts.get(i), Long::sum);
            }
        }
    }

    /**
     * A year's counts from a scope's counters (paths as {@link #increments} writes them, nested): the year's own
     * counts plus every tail that started in or before it.
     */
    public static PathwayCounts countsOf(Map<String, ?> counters, Year year) {
        PathwayCounts counts = read(counters.get(Integer.toString(year.getValue())));
        if (counters.get("tail") instanceof Map<?, ?> tails) {
            for (Map.Entry<?, ?> tail : tails.entrySet()) {
                if (Integer.parseInt(tail.getKey().toString()) <= year.getValue()) {
                    counts = counts.plus(read(tail.getValue()));
                }
            }
        }
        return counts;
    }

    private static PathwayCounts read(Object fields) {
        long[] values = new long[PathwayCounts.FIELDS.size()];
        if (fields instanceof Map<?, ?> map) {
            for (int i = 0; i < values.length; i++) {
                if (map.get(PathwayCounts.FIELDS.get(i)) instanceof Number n) {
                    values[i] = n.longValue();
                }
            }
        }
        return PathwayCounts.of(values);
    }
}
