package org.convergence.enrolment.domain;

import java.time.LocalDate;
import java.util.List;

/** The dates that bound a Convergence pathway and its follow-up (DOMAIN.md; project decisions in docs/). */
public final class PathwayRules {

    /** A Convergence CDDI lasts at most 5 years. */
    public static final int CONVERGENCE_MAX_MONTHS = 60;
    /** Follow-up check-ins after a Convergence exit, in months (project decision). */
    public static final List<Integer> CHECK_IN_MILESTONES = List.of(1, 3, 6, 12);
    /** The follow-up lasts 12 months; the last check-in may come one month late before it closes by itself. */
    public static final int FOLLOW_UP_MONTHS = 12;
    public static final int FOLLOW_UP_GRACE_MONTHS = 1;

    private PathwayRules() {
    }

    public static LocalDate fiveYearLimit(LocalDate entryDate) {
        return entryDate.plusMonths(CONVERGENCE_MAX_MONTHS);
    }

    public static LocalDate followUpClosesOn(LocalDate exitDate) {
        return exitDate.plusMonths(FOLLOW_UP_MONTHS + FOLLOW_UP_GRACE_MONTHS);
    }
}
