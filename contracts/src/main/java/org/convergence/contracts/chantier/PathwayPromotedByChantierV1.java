package org.convergence.contracts.chantier;

import org.convergence.contracts.IntegrationPayload;

import java.time.LocalDate;

/** A Premières Heures pathway of the sending chantier ends by promotion; {@code convergencePathwayId} starts at the
 * same chantier on {@code promotionDate}. */
public record PathwayPromotedByChantierV1(
        String pathwayId,
        String convergencePathwayId,
        LocalDate promotionDate) implements IntegrationPayload {
}
