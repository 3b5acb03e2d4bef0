package org.convergence.reporting.figures;

/**
 * Employer transitions in a year (DOMAIN.md, "Employer transitions"; definitions in docs/domain-decisions.md):
 * started, completed, interrupted and abandoned in the year; the store hours a week each transition running in the
 * year reached by its end (or the transition's), as a mean with its total and count; and how many transitions were
 * on the meeting alert list on the year's last day (today for the current year).
 */
public record TransitionFigures(int started, int completed, int interrupted, int abandoned, Mean storeHoursReached,
                                int meetingAlerts) {
}
