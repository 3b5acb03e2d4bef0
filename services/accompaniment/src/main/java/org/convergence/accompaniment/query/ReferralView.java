package org.convergence.accompaniment.query;

import org.convergence.accompaniment.domain.BarrierCategory;
import org.convergence.accompaniment.domain.PartnerKind;
import org.convergence.accompaniment.domain.ReferralStatus;

import java.time.LocalDate;
import java.util.List;

/** A referral as the referring chantier sees it, with its dated history and who recorded each step. */
public record ReferralView(String referralId, String territoryId, String chantierId, String partnerId,
                           PartnerKind partnerKind, String pathwayId, String participantId, BarrierCategory category,
                           LocalDate sentOn, boolean identitySharingConsent, ReferralStatus status, LocalDate since,
                           List<Step> history) {

    public record Step(ReferralStatus status, LocalDate on, String recordedBy) {
    }

    /** What the partner it is addressed to sees: the pseudonymous participant and what the referral needs. */
    public ForPartner forPartner() {
        return new ForPartner(referralId, participantId, category, sentOn, identitySharingConsent, status, since);
    }

    public record ForPartner(String referralId, String participantId, BarrierCategory category, LocalDate sentOn,
                             boolean identitySharingConsent, ReferralStatus status, LocalDate since) {
    }
}
