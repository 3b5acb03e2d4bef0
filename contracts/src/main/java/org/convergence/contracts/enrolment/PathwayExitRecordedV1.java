package org.convergence.contracts.enrolment;

import org.convergence.contracts.IntegrationPayload;

import java.time.LocalDate;

/** A pathway ended on {@code exitDate} with a DGEFP exit category and the housing situation at exit. */
public record PathwayExitRecordedV1(
        String pathwayId,
        String participantId,
        String program,
        LocalDate exitDate,
        String exitCategory,
        String housingAtExit) implements IntegrationPayload {
}
