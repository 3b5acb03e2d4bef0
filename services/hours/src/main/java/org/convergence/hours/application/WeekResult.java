package org.convergence.hours.application;

import org.convergence.hours.domain.HoursMessages.WeekOutcome;

/** What became of one {@link WeekReport}: its outcome, or the refusal that says why it was not recorded. */
public record WeekResult(WeekOutcome outcome, RuntimeException refusal) {

    static WeekResult of(WeekOutcome outcome) {
        return new WeekResult(outcome, null);
    }

    static WeekResult refused(RuntimeException refusal) {
        return new WeekResult(null, refusal);
    }

    public boolean refused() {
        return refusal != null;
    }
}
