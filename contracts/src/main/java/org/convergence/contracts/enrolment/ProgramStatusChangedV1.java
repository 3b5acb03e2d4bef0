package org.convergence.contracts.enrolment;

import org.convergence.contracts.IntegrationPayload;

import java.time.LocalDate;

/** A territory engaged in a program ({@code ENGAGED}) or the program became operational there ({@code OPERATIONAL}). */
public record ProgramStatusChangedV1(String territoryId, String program, String status, LocalDate effectiveOn)
        implements IntegrationPayload {
}
