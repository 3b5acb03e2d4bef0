package org.convergence.accompaniment.application;

import jakarta.enterprise.context.ApplicationScoped;
import org.convergence.accompaniment.domain.AccompaniedPathway;
import org.convergence.accompaniment.domain.BarrierCategory;
import org.convergence.accompaniment.domain.HealthRightsKind;
import org.convergence.accompaniment.domain.PartnerKind;
import org.convergence.accompaniment.domain.PartnerMessages.ChangeReferralStatusCommand;
import org.convergence.accompaniment.domain.PartnerMessages.RegisterPartnerCommand;
import org.convergence.accompaniment.domain.PartnerMessages.SendReferralCommand;
import org.convergence.accompaniment.domain.ReferralStatus;
import org.convergence.accompaniment.query.AccompanimentReads;
import org.convergence.accompaniment.query.ExpiredReferrals;
import org.convergence.accompaniment.query.PartnerReads;
import org.convergence.accompaniment.query.PartnerView;
import org.convergence.accompaniment.query.ReferralView;
import org.convergence.platform.axon.Commands;
import org.convergence.platform.domain.RuleViolationException;
import org.convergence.platform.security.CallerScope;
import org.convergence.platform.views.EnrolmentView;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * The partner directory and referrals, for the chantier side (staff, coordinators, national team) and for the
 * partner a referral is addressed to. A partner reaches only its own inbox: the stream of its territory and id,
 * both named by its token ({@link PartnerCaller}).
 */
@ApplicationScoped
public class Referrals {

    /** A referral the partner may still act on: the identity is shared only while it is open. */
    private static final Set<ReferralStatus> OPEN = Set.of(ReferralStatus.SENT, ReferralStatus.ACCEPTED);
    private static final Set<ReferralStatus> PARTNER_ANSWERS = Set.of(ReferralStatus.ACCEPTED,
            ReferralStatus.DECLINED, ReferralStatus.COMPLETED);

    private final Commands commands;
    private final PartnerReads reads;
    private final AccompanimentFacts accompaniment;
    private final AccompanimentReads accompanimentReads;
    private final EnrolmentView enrolment;
    private final ExpiredReferrals expired;
    private final AccessTrail trail;
    private final EnrolmentIdentities identities;

    public Referrals(Commands commands, PartnerReads reads, AccompanimentFacts accompaniment,
                     AccompanimentReads accompanimentReads, EnrolmentView enrolment, ExpiredReferrals expired,
                     AccessTrail trail, EnrolmentIdentities identities) {
        this.identities = identities;
        this.commands = commands;
        this.reads = reads;
        this.accompaniment = accompaniment;
        this.accompanimentReads = accompanimentReads;
        this.enrolment = enrolment;
        this.expired = expired;
        this.trail = trail;
    }

    /** The national team and the territory's coordinator manage its directory. */
    public PartnerView register(String territoryId, String partnerId, String name, PartnerKind kind,
                               CallerScope scope) {
        scope.requireTerritoryManager(territoryId);
        commands.send(new RegisterPartnerCommand(territoryId, partnerId, name, kind));
        return new PartnerView(partnerId, territoryId, name, kind);
    }

    /** Anyone working in the territory reads its directory. */
    public List<PartnerView> directory(String territoryId, CallerScope scope) {
        scope.requireTerritoryMember(territoryId);
        return reads.directory(territoryId);
    }

    /**
     * A chantier refers one of its pathways to a partner of the pathway's territory, for a barrier identified on
     * that pathway.
     */
    public ReferralView send(String territoryId, String partnerId, String referralId, String pathwayId,
                             BarrierCategory category, LocalDate sentOn, boolean identitySharingConsent,
                             CallerScope scope) {
        AccompaniedPathway pathway = accompaniment.visiblePathway(pathwayId, scope);
        if (!pathway.territoryId().equals(territoryId)) {
            throw new RuleViolationException("PARTNER_OF_ANOTHER_TERRITORY", "A pathway of " + pathway.territoryId()
                    + " is referred to partners of its own territory");
        }
        PartnerView partner = reads.partner(territoryId, partnerId).orElseThrow(() -> new RuleViolationException(
                "UNKNOWN_PARTNER", "Partner " + partnerId + " is not in the directory of " + territoryId));
        boolean identified = accompanimentReads.of(pathwayId, pathway.participantId()).barriers().stream()
                .anyMatch(b -> b.category() == category);
        if (!identified) {
            throw new RuleViolationException("BARRIER_NOT_IDENTIFIED", "A referral is for a barrier identified on "
                    + "the pathway; " + category + " is not");
        }
        commands.send(new SendReferralCommand(referralId, pathway, partnerId, partner.kind(), category, sentOn,
                identitySharingConsent));
        return reads.referral(territoryId, partnerId, referralId).orElseThrow();
    }

    /** A partner's referrals the caller may see: those of the chantiers it reaches. */
    public List<ReferralView> sentTo(String territoryId, String partnerId, CallerScope scope) {
        scope.requireTerritoryMember(territoryId);
        List<ReferralView> visible = reads.referrals(territoryId, partnerId).stream()
                .filter(r -> scope.hasChantierAccess(r.territoryId(), r.chantierId())).toList();
        trail.record(scope.subject(), "referrals-sent", subjects(visible));
        return visible;
    }

    /** The referring chantier cancels a referral still open. */
    public ReferralView cancel(String territoryId, String partnerId, String referralId, LocalDate on,
                               CallerScope scope) {
        ReferralView referral = reads.referral(territoryId, partnerId, referralId)
                .orElseThrow(() -> scope.missing("Referral " + referralId));
        scope.requireChantierAccess(referral.territoryId(), referral.chantierId());
        commands.send(new ChangeReferralStatusCommand(territoryId, partnerId, referralId, ReferralStatus.CANCELLED,
                on));
        return reads.referral(territoryId, partnerId, referralId).orElseThrow();
    }

    /**
     * The chantier's referrals no partner answered in time, for its staff, its coordinator and the national team
     * (the same reach as its pathways: a scoped caller gets 403 for another chantier's list and for an unknown one).
     */
    public List<ExpiredReferrals.Expired> expiredAt(String chantierId, CallerScope scope) {
        EnrolmentView.Chantier chantier = enrolment.chantier(chantierId)
                .orElseThrow(() -> scope.missing("Chantier " + chantierId));
        scope.requireChantierAccess(chantier.territoryId(), chantierId);
        List<ExpiredReferrals.Expired> list = expired.of(chantierId);
        trail.record(scope.subject(), "expired-referrals", list.stream()
                .map(r -> new AccessTrail.Subjected(r.participantId(), r.pathwayId())).toList());
        return list;
    }

    private static List<AccessTrail.Subjected> subjects(List<ReferralView> referrals) {
        return referrals.stream().map(r -> new AccessTrail.Subjected(r.participantId(), r.pathwayId())).toList();
    }

    /** The referrals addressed to the calling partner, and nothing else (each participant's trail records it). */
    public List<ReferralView.ForPartner> inbox(PartnerCaller partner, String subject) {
        List<ReferralView> addressed = reads.referrals(partner.territoryId(), partner.partnerId());
        trail.record(subject, "partner-inbox", subjects(addressed));
        return addressed.stream().map(ReferralView::forPartner).toList();
    }

    /**
     * A CPAM contact records the health rights it opened for the participant of a referral for health that was
     * addressed to it and that it accepted: one command on the pathway's accompaniment, as the chantier would send.
     */
    public void openHealthRights(PartnerCaller partner, String referralId, HealthRightsKind kind, LocalDate openedOn) {
        ReferralView referral = reads.referral(partner.territoryId(), partner.partnerId(), referralId)
                .orElseThrow(partner::denied);
        if (referral.partnerKind() != PartnerKind.CPAM_CONTACT || referral.category() != BarrierCategory.HEALTH
                || referral.status() != ReferralStatus.ACCEPTED) {
            throw new RuleViolationException("NOT_AN_ACCEPTED_HEALTH_REFERRAL", "A partner records health rights "
                    + "for a HEALTH referral addressed to a CPAM contact, once accepted; this one is "
                    + referral.category() + ", " + referral.status());
        }
        accompaniment.recordHealthRightsOpening(referral.pathwayId(), kind, openedOn);
    }

    /** The calling partner accepts, declines or completes a referral addressed to it. */
    public ReferralView.ForPartner answer(PartnerCaller partner, String referralId, ReferralStatus answer,
                                          LocalDate on) {
        if (!PARTNER_ANSWERS.contains(answer)) {
            throw new RuleViolationException("NOT_A_PARTNER_ANSWER", "A partner answers ACCEPTED, DECLINED or "
                    + "COMPLETED; " + answer + " is not an answer");
        }
        reads.referral(partner.territoryId(), partner.partnerId(), referralId)
                .orElseThrow(partner::denied);
        commands.send(new ChangeReferralStatusCommand(partner.territoryId(), partner.partnerId(), referralId, answer,
                on));
        return reads.referral(partner.territoryId(), partner.partnerId(), referralId).orElseThrow().forPartner();
    }

    /** Who the participant is, as the partner of a referral sees it: the referral, the pseudonymous id, the identity. */
    public record PartnerIdentity(String referralId, String participantId, String firstName, String lastName,
                                  LocalDate birthDate) {
    }

    /**
     * The calling partner reads the identity of the participant of a referral addressed to it, while the referral is
     * open and only if the participant consented to share it when the referral was sent (ADR 0027). The read is
     * written in the participant's access trail here, then enrolment writes it in its audit trail with the partner
     * and the referral before it answers.
     */
    public PartnerIdentity identity(PartnerCaller partner, String referralId, String subject) {
        ReferralView referral = reads.referral(partner.territoryId(), partner.partnerId(), referralId)
                .orElseThrow(ReferralNotAddressedException::new);
        if (!OPEN.contains(referral.status())) {
            throw new RuleViolationException("REFERRAL_NOT_OPEN", "The identity is shared while the referral is open "
                    + "(SENT or ACCEPTED); this one is " + referral.status());
        }
        if (!referral.identitySharingConsent()) {
            throw new RuleViolationException("NO_IDENTITY_SHARING_CONSENT", "The participant did not consent to share "
                    + "their identity with the partner when this referral was sent");
        }
        trail.record(subject, "identity-through-referral:" + referralId, referral.participantId(),
                referral.pathwayId());
        EnrolmentIdentities.Identity identity = identities.forPartner(referral.participantId(),
                partner.territoryId(), partner.partnerId(), referralId).orElseThrow(IdentityErasedException::new);
        return new PartnerIdentity(referralId, referral.participantId(), identity.firstName(), identity.lastName(),
                identity.birthDate());
    }
}
