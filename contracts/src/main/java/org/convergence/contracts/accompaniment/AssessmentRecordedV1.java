package org.convergence.contracts.accompaniment;

import org.convergence.contracts.IntegrationPayload;

import java.time.LocalDate;
import java.util.List;

/**
 * The entry assessment of a pathway, dated {@code assessedOn}: the barriers identified (DOMAIN.md categories, each
 * then {@code IDENTIFIED} from that day) and the housing situation at entry.
 */
public record AssessmentRecordedV1(
        String pathwayId,
        String participantId,
        String program,
        LocalDate assessedOn,
        String housingAtEntry,
        List<String> barriers) implements IntegrationPayload {

    public AssessmentRecordedV1 {
        barriers = barriers == null ? null : List.copyOf(barriers);
    }
}
