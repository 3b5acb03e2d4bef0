package org.convergence.contracts.enrolment;

import org.convergence.contracts.IntegrationPayload;

import java.time.LocalDate;

/**
 * A post-exit follow-up check-in of a Convergence pathway: at {@code milestoneMonths} (1, 3, 6 or 12) after the
 * exit, the person's employment status (an exit category) and housing situation.
 */
public record CheckInRecordedV1(String pathwayId, String participantId, int milestoneMonths, LocalDate checkInDate,
                                String employmentStatus, String housingSituation) implements IntegrationPayload {
}
