package org.convergence.enrolment.query;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.convergence.enrolment.domain.ExitCategory;
import org.convergence.enrolment.domain.HousingSituation;

import java.time.LocalDate;

/**
 * A pathway as the API shows it: pseudonymous ids and dates, no identity. {@code promotedFrom} and
 * {@code promotedTo} link a Premières Heures pathway and the Convergence pathway it was promoted to;
 * {@code exitTransitionId} names the employer transition whose completion recorded the exit (ADR 0025), absent for
 * an exit recorded or corrected by a person or a chantier's software.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PathwayView(String pathwayId, String participantId, String program, String territoryId,
                          String chantierId, LocalDate entryDate, LocalDate exitDate, ExitCategory exitCategory,
                          HousingSituation housingAtExit, String promotedFrom, String promotedTo,
                          String exitTransitionId) {

    public static PathwayView enrolled(String pathwayId, String participantId, String program, String territoryId,
                                String chantierId, LocalDate entryDate, String promotedFrom) {
        return new PathwayView(pathwayId, participantId, program, territoryId, chantierId, entryDate, null, null,
                null, promotedFrom, null, null);
    }

    public PathwayView exited(LocalDate date, ExitCategory category, HousingSituation housing) {
        return new PathwayView(pathwayId, participantId, program, territoryId, chantierId, entryDate, date, category,
                housing, promotedFrom, promotedTo, null);
    }

    /** The exit just folded was recorded by the completion of {@code transitionId}. */
    public PathwayView exitedThroughTransition(String transitionId) {
        return new PathwayView(pathwayId, participantId, program, territoryId, chantierId, entryDate, exitDate,
                exitCategory, housingAtExit, promotedFrom, promotedTo, transitionId);
    }

    public PathwayView entryCorrected(LocalDate date) {
        return new PathwayView(pathwayId, participantId, program, territoryId, chantierId, date, exitDate,
                exitCategory, housingAtExit, promotedFrom, promotedTo, exitTransitionId);
    }

    public PathwayView promoted(LocalDate date, String convergencePathwayId) {
        return new PathwayView(pathwayId, participantId, program, territoryId, chantierId, entryDate, date, null,
                null, promotedFrom, convergencePathwayId, null);
    }
}
