package org.convergence.reporting.figures;

import org.convergence.platform.programs.ProgramCatalog;
import org.convergence.reporting.projection.FigureCounters;

import java.time.Year;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A participant's share of the Premières Heures contract distribution (ADR 0041), computed by the fold's own code
 * ({@link HoursCounting#countedByParticipant}, {@link HoursCounting#decidedOn}) over their Premières Heures pathways
 * and those pathways' contract decisions. For each scope (the nation, and each territory of their Premières Heures
 * pathways) and year, the share is the bin of the weekly hours decided for the last counted day of the pathway they
 * count at, if a decision is in force that day. A participant on the default contract is not in the share: the read
 * puts the scope's active Premières Heures participants (already counted, ADR 0031) less the decided ones on the
 * default contract, so the counters do not depend on the configured default.
 *
 * <p>Stored as differences by year: {@code phContracts.<year>.<bin>} holds the year's count minus the previous
 * year's, and a year's figure is the sum of the differences of every year up to it. Past the last year of the
 * participant's dates nothing changes (open pathways count at 31 December, after every decision), so a share is a
 * few differences even for a pathway open for ever.
 */
public final class PremieresHeuresContractShare {

    public static final String FIELD = "phContracts";
    private static final List<String> BINS = List.of("upTo4", "upTo6", "upTo8", "more");

    private PremieresHeuresContractShare() {
    }

    /**
     * By scope, the share's differences by path ({@code phContracts.<year>.<bin>}).
     *
     * @param theirs the participant's pathways (those not in Premières Heures or not yet entered count nowhere)
     * @param hours  by pathway id, the contract decisions of these pathways in the order they were recorded
     */
    public static Map<String, Map<String, Long>> of(Collection<PathwayRecord> theirs, Map<String, HoursRecord> hours) {
        Map<String, Map<String, Long>> share = new TreeMap<>();
        List<PathwayRecord> premieresHeures = theirs.stream()
                .filter(p -> ProgramCatalog.PREMIERES_HEURES.equals(p.program()) && p.entryDate() != null).toList();
        if (premieresHeures.isEmpty()) {
            return share;
        }
        int first = Integer.MAX_VALUE;
        int last = Integer.MIN_VALUE;
        for (PathwayRecord p : premieresHeures) {
            first = Math.min(first, p.entryDate().getYear());
            last = Math.max(last, p.exitDate() == null ? p.entryDate().getYear() : p.exitDate().getYear());
            HoursRecord record = hours.get(p.pathwayId());
            if (record != null) {
                for (HoursRecord.Decision d : record.decisions()) {
                    last = Math.max(last, d.from().getYear());
                }
            }
        }
        Set<String> scopes = new LinkedHashSet<>();
        scopes.add(FigureCounters.NATION);
        premieresHeures.forEach(p -> scopes.add(p.territoryId()));
        for (String scope : scopes) {
            List<PathwayRecord> inScope = FigureCounters.NATION.equals(scope) ? premieresHeures
                    : premieresHeures.stream().filter(p -> scope.equals(p.territoryId())).toList();
            Map<String, Long> differences = new TreeMap<>();
            int[] previous = new int[BINS.size()];
            // Nothing before the first entry; constant after the last date (see the class comment).
            for (int year = first; year <= last + 1; year++) {
                int[] now = decidedBins(inScope, hours, Year.of(year));
                for (int bin = 0; bin < now.length; bin++) {
                    if (now[bin] != previous[bin]) {
                        differences.put(FIELD + "." + year + "." + BINS.get(bin), (long) (now[bin] - previous[bin]));
                    }
                }
                previous = now;
            }
            if (!differences.isEmpty()) {
                share.put(scope, differences);
            }
        }
        return share;
    }

    private static int[] decidedBins(List<PathwayRecord> inScope, Map<String, HoursRecord> hours, Year year) {
        HoursCounting counting = new HoursCounting(year, Map.of());
        int[] bins = new int[BINS.size()];
        for (PathwayRecord p : counting.countedByParticipant(inScope).values()) {
            counting.decidedOn(p, hours.get(p.pathwayId())).ifPresent(h -> bins[HoursCounting.binOf(h)]++);
        }
        return bins;
    }

    /** By scope, what moves the counters from one share to another: after minus before, path by path. */
    public static Map<String, Map<String, Long>> increments(Map<String, Map<String, Long>> before,
                                                            Map<String, Map<String, Long>> after) {
        Map<String, Map<String, Long>> increments = new TreeMap<>();
        Set<String> scopes = new LinkedHashSet<>(before.keySet());
        scopes.addAll(after.keySet());
        for (String scope : scopes) {
            Map<String, Long> moves = new TreeMap<>();
            after.getOrDefault(scope, Map.of()).forEach((path, n) -> moves.merge(path, n, Long::sum));
            before.getOrDefault(scope, Map.of()).forEach((path, n) -> moves.merge(path, -n, Long::sum));
            moves.values().removeIf(n -> n == 0);
            if (!moves.isEmpty()) {
                increments.put(scope, moves);
            }
        }
        return increments;
    }

    /**
     * A year's decided participants by bin (up to 4 h, 6 h, 8 h, more) from a scope's counters document: the sum of
     * the differences of every year up to it.
     */
    public static int[] decidedOf(Map<String, ?> counters, Year year) {
        int[] bins = new int[BINS.size()];
        if (counters.get(FIELD) instanceof Map<?, ?> years) {
            years.forEach((y, byBin) -> {
                if (Integer.parseInt(y.toString()) <= year.getValue() && byBin instanceof Map<?, ?> counts) {
                    for (int bin = 0; bin < bins.length; bin++) {
                        if (counts.get(BINS.get(bin)) instanceof Number n) {
                            bins[bin] += n.intValue();
                        }
                    }
                }
            });
        }
        return bins;
    }
}
