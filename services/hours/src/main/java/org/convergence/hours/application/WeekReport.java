package org.convergence.hours.application;

import org.convergence.hours.domain.AbsenceMinutes;

/**
 * One week of one pathway as a door received it. {@code sourceId} identifies the report where the door has an id
 * for it (a Kafka record's event id); null otherwise.
 */
public record WeekReport(String pathwayId, String week, int minutesWorked, AbsenceMinutes absences, String sourceId) {
}
