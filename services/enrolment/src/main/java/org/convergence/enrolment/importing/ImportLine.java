package org.convergence.enrolment.importing;

import org.convergence.enrolment.domain.ExitCategory;
import org.convergence.enrolment.domain.HousingSituation;

import java.time.LocalDate;

/**
 * One historic pathway of an import file (JSON lines, one object per line). {@code pathwayId} is required so
 * that a re-run recognises what it already stored.
 */
public record ImportLine(String pathwayId, String participantId, String program, String chantierId,
                         LocalDate entryDate, Exit exit) {

    /** The end of a past pathway, if it ended. */
    public record Exit(LocalDate date, ExitCategory category, HousingSituation housingAtExit) {
    }
}
