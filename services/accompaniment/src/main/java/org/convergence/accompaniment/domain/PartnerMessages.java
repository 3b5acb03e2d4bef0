package org.convergence.accompaniment.domain;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/**
 * Commands and events of a territory's partner directory and of the referrals addressed to one partner. A referral
 * names the pathway's pseudonymous participant, the barrier category and dates: nothing about health itself.
 */
public final class PartnerMessages {

    private PartnerMessages() {
    }

    public record RegisterPartnerCommand(String territoryId, String partnerId, String name, PartnerKind kind) {
        @TargetAggregateIdentifier
        public String streamId() {
            return Streams.partners(territoryId);
        }
    }

    public record PartnerRegisteredEvent(String territoryId, String partnerId, String name, PartnerKind kind) {
    }

    /** @param identitySharingConsent the participant agreed that this partner may read their identity */
    public record SendReferralCommand(String referralId, AccompaniedPathway pathway, String partnerId,
                                      PartnerKind partnerKind, BarrierCategory category, LocalDate sentOn,
                                      boolean identitySharingConsent) {
        @TargetAggregateIdentifier
        public String streamId() {
            return Streams.referrals(pathway.territoryId(), partnerId);
        }
    }

    /** The partner's answer ({@code ACCEPTED}, {@code DECLINED}, {@code COMPLETED}) or the chantier's cancellation. */
    public record ChangeReferralStatusCommand(String territoryId, String partnerId, String referralId,
                                              ReferralStatus status, LocalDate on) {
        @TargetAggregateIdentifier
        public String streamId() {
            return Streams.referrals(territoryId, partnerId);
        }
    }

    /**
     * Expire the referral if it is still unanswered on its deadline (sent by the expiry sweep; idempotent: a
     * referral no longer {@code SENT} is left as it is).
     */
    public record ExpireReferralCommand(String territoryId, String partnerId, String referralId) {
        @TargetAggregateIdentifier
        public String streamId() {
            return Streams.referrals(territoryId, partnerId);
        }
    }

    public record ReferralSentEvent(String referralId, String territoryId, String chantierId, String partnerId,
                                    PartnerKind partnerKind, String pathwayId, String participantId,
                                    BarrierCategory category, LocalDate sentOn, boolean identitySharingConsent) {
    }

    public record ReferralStatusChangedEvent(String referralId, String territoryId, String chantierId,
                                             String partnerId, PartnerKind partnerKind, String pathwayId,
                                             String participantId, BarrierCategory category, ReferralStatus status,
                                             LocalDate on) {
    }
}
