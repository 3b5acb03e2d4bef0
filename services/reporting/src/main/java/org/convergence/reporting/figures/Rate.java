package org.convergence.reporting.figures;

/** A share served with what it is made of, so an evaluator can audit it; {@code value} is null over nothing. */
public record Rate(int numerator, int denominator, Double value) {

    public static Rate of(int numerator, int denominator) {
        return new Rate(numerator, denominator,
                denominator == 0 ? null : Math.round(10_000.0 * numerator / denominator) / 10_000.0);
    }
}
