package org.convergence.contracts.enrolment;

import org.convergence.contracts.IntegrationPayload;

import java.time.LocalDate;

/** The exit of a pathway was wrong: it replaces the previous exit date, category and housing situation. */
public record ExitCorrectedV1(String pathwayId, String participantId, String program, LocalDate exitDate,
                              String exitCategory, String housingAtExit) implements IntegrationPayload {
}
