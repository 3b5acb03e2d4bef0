package org.convergence.reporting.figures;

/** A mean served with its total and count; {@code value} is null over nothing. */
public record Mean(double total, int count, Double value) {

    public static Mean of(double total, int count) {
        return new Mean(Math.round(100.0 * total) / 100.0, count,
                count == 0 ? null : Math.round(100.0 * total / count) / 100.0);
    }
}
