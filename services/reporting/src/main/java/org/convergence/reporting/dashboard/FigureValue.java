package org.convergence.reporting.dashboard;

import java.util.Locale;

/**
 * One figure as a reader sees it: a count, a share with what it is made of, or a mean with its total and count.
 * Formatted the French way (decimal comma, narrow no-break space before %).
 */
public sealed interface FigureValue {

    /** The figure alone, for a table cell or a CSV cell. */
    String display();

    /** What it is made of ("12 / 40"), empty for a count. */
    String detail();

    record Count(long value) implements FigureValue {
        public String display() {
            return String.format(Locale.FRANCE, "%,d", value);
        }

        public String detail() {
            return "";
        }
    }

    /** A share; {@code value} is null over nothing. */
    record Share(long numerator, long denominator, Double value) implements FigureValue {
        public String display() {
            return value == null ? "—" : String.format(Locale.FRANCE, "%.1f\u202f%%", 100 * value);
        }

        public String detail() {
            return String.format(Locale.FRANCE, "%,d / %,d", numerator, denominator);
        }
    }

    /** A mean; {@code value} is null over nothing. */
    record Average(double total, long count, Double value) implements FigureValue {
        public String display() {
            return value == null ? "—" : String.format(Locale.FRANCE, "%.1f", value);
        }

        public String detail() {
            return String.format(Locale.FRANCE, "%.1f / %,d", total, count);
        }
    }

    /** A figure the reader may not see (statistical secrecy for evaluators, ADR 0037). */
    FigureValue SECRET = new Secret();

    record Secret() implements FigureValue {
        public String display() {
            return "secret";
        }

        public String detail() {
            return "";
        }
    }
}
