package org.convergence.transitions.domain;

import java.time.LocalDate;
import java.util.Objects;

/**
 * What the transition rules need of a pathway, as enrolment published it (the platform's enrolment view): the
 * application reads it and hands it to the aggregate, which does no I/O.
 *
 * @param endDate the exit or promotion date, or null while the pathway runs
 */
public record PathwayFacts(String pathwayId, String participantId, String program, String territoryId,
                           String chantierId, LocalDate entryDate, LocalDate endDate) {

    public static final String CONVERGENCE = "CONVERGENCE";

    public PathwayFacts {
        Objects.requireNonNull(pathwayId, "pathwayId");
        Objects.requireNonNull(program, "program");
        Objects.requireNonNull(entryDate, "entryDate");
    }

    public boolean isActiveOn(LocalDate day) {
        return !day.isBefore(entryDate) && (endDate == null || !day.isAfter(endDate));
    }
}
