package org.convergence.contracts.accompaniment;

import org.convergence.contracts.IntegrationPayload;

import java.time.LocalDate;

/**
 * A referral took a status on {@code changedOn}: {@code ACCEPTED}, {@code COMPLETED} or {@code DECLINED} by its
 * partner, {@code CANCELLED} by its chantier, or {@code EXPIRED} when left unanswered ({@code SENT}) for the
 * configured number of days (dated on that deadline).
 */
public record ReferralStatusChangedV1(
        String referralId,
        String pathwayId,
        String participantId,
        String partnerId,
        String partnerKind,
        String category,
        String status,
        LocalDate changedOn) implements IntegrationPayload {
}
