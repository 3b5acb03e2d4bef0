package org.convergence.contracts.hours;

import org.convergence.contracts.IntegrationPayload;

/** The minutes worked and absent in one ISO week of a pathway, first recorded. */
public record WeekHoursRecordedV1(
        String pathwayId,
        String participantId,
        String program,
        String week,
        int minutesWorked,
        AbsenceMinutesV1 absences) implements IntegrationPayload {
}
