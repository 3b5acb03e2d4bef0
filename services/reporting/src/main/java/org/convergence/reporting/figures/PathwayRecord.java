package org.convergence.reporting.figures;

import java.time.LocalDate;

/** What the figures need of one pathway; {@code entryDate} is null while its enrolment fact has not arrived. */
public record PathwayRecord(String pathwayId, String participantId, String program, String territoryId,
                            String chantierId, LocalDate entryDate, LocalDate exitDate, String exitCategory) {
}
