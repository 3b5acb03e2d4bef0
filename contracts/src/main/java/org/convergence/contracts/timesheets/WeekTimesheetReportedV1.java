package org.convergence.contracts.timesheets;

import org.convergence.contracts.IntegrationPayload;
import org.convergence.contracts.hours.AbsenceMinutesV1;

/**
 * A chantier's software reports the minutes a pathway's participant worked in one ISO week, and the minutes absent
 * by kind. The envelope's {@code chantierId} names the reporting chantier; the same report sent twice is one fact, a
 * different one for a week already recorded a correction.
 */
public record WeekTimesheetReportedV1(
        String pathwayId,
        String week,
        int minutesWorked,
        AbsenceMinutesV1 absences) implements IntegrationPayload {
}
