package org.convergence.reporting.search;

import java.time.LocalDate;
import java.util.List;

/**
 * One page of participants: {@code total} participants matched; each item lists the participant's matching
 * pathways, pseudonymous ids only.
 */
public record ParticipantPage(int page, int size, int total, LocalDate asOf, List<Participant> items) {

    public record Participant(String participantId, List<Pathway> pathways) {
    }

    public record Pathway(String pathwayId, String program, String chantierId, LocalDate entryDate,
                          LocalDate exitDate, PathwayStatus status) {
    }
}
