package org.convergence.hours.domain;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Set;

/**
 * What the hours rules need to know of a pathway, as enrolment published it: who, which program, where, from when
 * until when. The application reads it from the service's enrolment view and hands it to the aggregates, which do
 * no I/O.
 *
 * @param chantierPrograms the programs the pathway's chantier carries (a Convergence CDDI may start from 4 hours at
 *                         a chantier that also carries Premières Heures)
 * @param endDate          the exit or promotion date, or null while the pathway runs
 */
public record PathwayTerms(String pathwayId, String participantId, String program, String territoryId,
                           String chantierId, Set<String> chantierPrograms, LocalDate entryDate, LocalDate endDate) {

    public PathwayTerms {
        Objects.requireNonNull(pathwayId, "pathwayId");
        Objects.requireNonNull(program, "program");
        Objects.requireNonNull(chantierId, "chantierId");
        Objects.requireNonNull(entryDate, "entryDate");
        chantierPrograms = Set.copyOf(chantierPrograms);
    }
}
