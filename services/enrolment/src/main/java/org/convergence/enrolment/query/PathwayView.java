package org.convergence.enrolment.query;

import org.convergence.enrolment.domain.ExitCategory;
import org.convergence.enrolment.domain.HousingSituation;

import java.time.LocalDate;

/** A pathway as the API shows it: pseudonymous ids and dates, no identity. */
public record PathwayView(String pathwayId, String participantId, String program, String territoryId,
                          String chantierId, LocalDate entryDate, LocalDate exitDate, ExitCategory exitCategory,
                          HousingSituation housingAtExit) {
}
