package org.convergence.contracts.hours;

import org.convergence.contracts.IntegrationPayload;

import java.time.LocalDate;

/**
 * A pathway's contracted weekly hours were decided, from {@code effectiveOn} until the next decision.
 * {@code previousWeeklyHours} is the contract in force the day before (absent before the first decision, when the
 * program's default applied); {@code decidedBy} the pseudonymous subject of who recorded the decision.
 */
public record ContractedHoursDecidedV1(
        String pathwayId,
        String participantId,
        String program,
        LocalDate effectiveOn,
        int weeklyHours,
        Integer previousWeeklyHours,
        String reason,
        String decidedBy) implements IntegrationPayload {
}
