package org.convergence.reporting.figures;

import java.time.LocalDate;
import java.util.Set;

/**
 * What the figures need of one pathway; {@code entryDate} is null while its enrolment fact has not arrived.
 * {@code promotedTo} is set on a Premières Heures pathway that ended by promotion to a Convergence CDDI;
 * {@code checkIns} lists the follow-up milestones (months after the exit) already recorded.
 */
public record PathwayRecord(String pathwayId, String participantId, String program, String territoryId,
                            String chantierId, LocalDate entryDate, LocalDate exitDate, String exitCategory,
                            String promotedTo, Set<Integer> checkIns) {

    public PathwayRecord(String pathwayId, String participantId, String program, String territoryId,
                         String chantierId, LocalDate entryDate, LocalDate exitDate, String exitCategory,
                         String promotedTo) {
        this(pathwayId, participantId, program, territoryId, chantierId, entryDate, exitDate, exitCategory,
                promotedTo, Set.of());
    }
}
