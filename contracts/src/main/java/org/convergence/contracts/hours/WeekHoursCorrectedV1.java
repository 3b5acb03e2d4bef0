package org.convergence.contracts.hours;

import org.convergence.contracts.IntegrationPayload;

/** New figures for an ISO week already recorded: they replace the previous ones (which stay in the history). */
public record WeekHoursCorrectedV1(
        String pathwayId,
        String participantId,
        String program,
        String week,
        int minutesWorked,
        AbsenceMinutesV1 absences) implements IntegrationPayload {
}
