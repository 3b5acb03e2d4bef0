package org.convergence.reporting.figures;

import java.time.LocalDate;

/**
 * What the figures need of one pathway; {@code entryDate} is null while its enrolment fact has not arrived.
 * {@code promotedTo} is set on a Premières Heures pathway that ended by promotion to a Convergence CDDI.
 */
public record PathwayRecord(String pathwayId, String participantId, String program, String territoryId,
                            String chantierId, LocalDate entryDate, LocalDate exitDate, String exitCategory,
                            String promotedTo) {
}
