package org.convergence.contracts.enrolment;

import org.convergence.contracts.IntegrationPayload;

import java.time.LocalDate;

/** The entry date of a pathway was wrong: from now on it is {@code entryDate} (a new fact, never an edit). */
public record EntryDateCorrectedV1(String pathwayId, String participantId, LocalDate previousEntryDate,
                                   LocalDate entryDate) implements IntegrationPayload {
}
