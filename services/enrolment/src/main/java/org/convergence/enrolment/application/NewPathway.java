package org.convergence.enrolment.application;

import java.time.LocalDate;

/**
 * A pathway to record: an enrolment (no exit), or a past pathway that already ended (from a territory's history).
 *
 * @param participantId the participant's pseudonymous id; a new one is generated when absent
 * @param exit          null for a pathway still running
 * @param promotedFrom  the Premières Heures pathway a Convergence pathway continues, or null
 */
public record NewPathway(String pathwayId, String participantId, String program, String chantierId,
                         LocalDate entryDate, Exit exit, String promotedFrom) {

    public static NewPathway open(String pathwayId, String participantId, String program, String chantierId,
                                  LocalDate entryDate) {
        return new NewPathway(pathwayId, participantId, program, chantierId, entryDate, null, null);
    }

    public static NewPathway ended(String pathwayId, String participantId, String program, String chantierId,
                                   LocalDate entryDate, Exit exit) {
        return new NewPathway(pathwayId, participantId, program, chantierId, entryDate, exit, null);
    }

    NewPathway withParticipant(String id) {
        return new NewPathway(pathwayId, id, program, chantierId, entryDate, exit, promotedFrom);
    }
}
