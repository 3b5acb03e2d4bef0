package org.convergence.contracts.accompaniment;

import org.convergence.contracts.IntegrationPayload;

import java.time.LocalDate;

/** A chantier referred a pathway's participant to a partner of its territory, for a barrier, on {@code sentOn}. */
public record ReferralSentV1(
        String referralId,
        String pathwayId,
        String participantId,
        String partnerId,
        String partnerKind,
        String category,
        LocalDate sentOn) implements IntegrationPayload {
}
