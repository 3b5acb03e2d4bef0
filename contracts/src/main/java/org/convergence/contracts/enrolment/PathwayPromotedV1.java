package org.convergence.contracts.enrolment;

import org.convergence.contracts.IntegrationPayload;

import java.time.LocalDate;

/**
 * A Premières Heures pathway ended on {@code promotionDate} by promotion to a Convergence CDDI, which
 * continues as pathway {@code convergencePathwayId}.
 */
public record PathwayPromotedV1(String pathwayId, String participantId, String convergencePathwayId,
                                LocalDate promotionDate) implements IntegrationPayload {
}
