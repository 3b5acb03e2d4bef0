package org.convergence.hours.query;

import org.convergence.hours.domain.AbsenceMinutes;

/**
 * One week of a pathway: the contracted hours in force at its end, and what was reported (absent if nothing was:
 * a week without hours).
 */
public record WeekView(String week, int contractedHours, boolean reported, Integer minutesWorked,
                       AbsenceMinutes absences, int corrections) {
}
