package org.convergence.reporting.figures;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The six pathway figures of a scope and year as sums over its participants (ADR 0031): each is a count, or a
 * rate or mean whose parts are counts, so a scope's figures are the sum of its participants' shares and can be
 * kept by exact increments. The mean's total is kept in whole days (months are days / 30.4375).
 */
public final class PathwayCounts {

    /** The counters, in this order; their names are the counter documents' field names. */
    public static final List<String> FIELDS = List.of("accompanied", "exits", "exitDays", "dynamicExits",
            "dynamicCounted", "fromPremieresHeures", "premieresHeuresActive", "premieresHeuresStarted",
            "promotions", "housingExits", "housedExits", "healthOpened");
    public static final PathwayCounts ZERO = new PathwayCounts(new long[FIELDS.size()]);

    private final long[] values;

    private PathwayCounts(long[] values) {
        this.values = values;
    }

    public static PathwayCounts of(long... values) {
        if (values.length != FIELDS.size()) {
            throw new IllegalArgumentException("expected " + FIELDS.size() + " counters, got " + values.length);
        }
        return new PathwayCounts(values.clone());
    }

    /** A participant's (or any set of pathways') counts in a year, without accompaniment facts. */
    public static PathwayCounts of(YearFigures year, List<PathwayRecord> pathways,
                                   List<PathwayRecord> everyPathwayOfTheirs) {
        return of(year, pathways, everyPathwayOfTheirs, Map.of());
    }

    /**
     * A participant's (or any set of pathways') counts in a year, by the same rules as the figures: the housing and
     * health counts (ADR 0034) by the same {@link AccompanimentFigures} code, over the accompaniment in the scope.
     *
     * @param accompaniment by pathway id, the accompaniment recorded in the scope for (at least) these pathways'
     *                      participants
     */
    public static PathwayCounts of(YearFigures year, List<PathwayRecord> pathways,
                                   List<PathwayRecord> everyPathwayOfTheirs,
                                   Map<String, AccompanimentRecord> accompaniment) {
        List<PathwayRecord> exits = year.exits(pathways);
        long days = exits.stream().mapToLong(YearFigures::days).sum();
        Rate dynamic = year.dynamicExits(pathways);
        Rate fromPremieresHeures = year.fromPremieresHeures(pathways, everyPathwayOfTheirs);
        PremieresHeuresFigures premieresHeures = year.premieresHeures(pathways);
        AccompanimentFigures housingAndHealth = new AccompanimentFigures(year, year.year());
        Rate housing = accompaniment.isEmpty() ? Rate.of(0, 0) : housingAndHealth.housingResolved(pathways, accompaniment);
        Rate health = accompaniment.isEmpty() ? Rate.of(0, 0)
                : housingAndHealth.healthRightsOpened(pathways, accompaniment);
        return of(year.accompaniedParticipants(pathways).size(), exits.size(), days, dynamic.numerator(),
                dynamic.denominator(), fromPremieresHeures.numerator(), premieresHeures.active(),
                premieresHeures.started(), premieresHeures.promotions(), housing.denominator(), housing.numerator(),
                health.numerator());
    }

    public long get(int field) {
        return values[field];
    }

    public PathwayCounts plus(PathwayCounts other) {
        long[] sum = values.clone();
        for (int i = 0; i < sum.length; i++) {
            sum[i] += other.values[i];
        }
        return new PathwayCounts(sum);
    }

    public PathwayCounts minus(PathwayCounts other) {
        long[] difference = values.clone();
        for (int i = 0; i < difference.length; i++) {
            difference[i] -= other.values[i];
        }
        return new PathwayCounts(difference);
    }

    public boolean isZero() {
        return Arrays.stream(values).allMatch(v -> v == 0);
    }

    public int accompanied() {
        return (int) values[0];
    }

    public int exits() {
        return (int) values[1];
    }

    /** Over the accompanied: the accompanied participants are its denominator. */
    public Rate fromPremieresHeures() {
        return Rate.of((int) values[5], (int) values[0]);
    }

    public Mean averagePathwayMonths() {
        return YearFigures.monthsOver(values[2], (int) values[1]);
    }

    public Rate dynamicExits() {
        return Rate.of((int) values[3], (int) values[4]);
    }

    public PremieresHeuresFigures premieresHeures() {
        return new PremieresHeuresFigures((int) values[6], (int) values[7], (int) values[8]);
    }

    /** Over the year's exits whose entry assessment identified a housing barrier. */
    public Rate housingResolved() {
        return Rate.of((int) values[10], (int) values[9]);
    }

    /** Over the accompanied: the accompanied participants are its denominator. */
    public Rate healthRightsOpened() {
        return Rate.of((int) values[11], (int) values[0]);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PathwayCounts other && Arrays.equals(values, other.values);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("{");
        for (int i = 0; i < values.length; i++) {
            s.append(i == 0 ? "" : ", ").append(FIELDS.get(i)).append('=').append(values[i]);
        }
        return s.append('}').toString();
    }
}
