package org.convergence.enrolment.query;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.convergence.enrolment.domain.ExitCategory;
import org.convergence.enrolment.domain.HousingSituation;

import java.time.LocalDate;

/**
 * A pathway as the API shows it: pseudonymous ids and dates, no identity. {@code promotedFrom} and
 * {@code promotedTo} link a Premières Heures pathway and the Convergence pathway it was promoted to.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PathwayView(String pathwayId, String participantId, String program, String territoryId,
                          String chantierId, LocalDate entryDate, LocalDate exitDate, ExitCategory exitCategory,
                          HousingSituation housingAtExit, String promotedFrom, String promotedTo) {

    public static PathwayView enrolled(String pathwayId, String participantId, String program, String territoryId,
                                String chantierId, LocalDate entryDate, String promotedFrom) {
        return new PathwayView(pathwayId, participantId, program, territoryId, chantierId, entryDate, null, null,
                null, promotedFrom, null);
    }

    public PathwayView exited(LocalDate date, ExitCategory category, HousingSituation housing) {
        return new PathwayView(pathwayId, participantId, program, territoryId, chantierId, entryDate, date, category,
                housing, promotedFrom, promotedTo);
    }

    public PathwayView entryCorrected(LocalDate date) {
        return new PathwayView(pathwayId, participantId, program, territoryId, chantierId, date, exitDate,
                exitCategory, housingAtExit, promotedFrom, promotedTo);
    }

    public PathwayView promoted(LocalDate date, String convergencePathwayId) {
        return new PathwayView(pathwayId, participantId, program, territoryId, chantierId, entryDate, date, null,
                null, promotedFrom, convergencePathwayId);
    }
}
