package org.convergence.accompaniment.domain;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.convergence.accompaniment.domain.PartnerMessages.ChangeReferralStatusCommand;
import org.convergence.accompaniment.domain.PartnerMessages.ExpireReferralCommand;
import org.convergence.accompaniment.domain.PartnerMessages.ReferralSentEvent;
import org.convergence.accompaniment.domain.PartnerMessages.ReferralStatusChangedEvent;
import org.convergence.accompaniment.domain.PartnerMessages.SendReferralCommand;
import org.convergence.platform.domain.NotFoundException;
import org.convergence.platform.domain.RuleViolationException;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * The referrals addressed to one partner of a territory (its inbox): sent by a chantier for a pathway's barrier,
 * answered by the partner ({@code SENT → ACCEPTED → COMPLETED}, or {@code DECLINED}), cancelled by the chantier
 * while open. One stream per partner, so the partner's list is one stream and its answers are serialised with the
 * referrals sent to it.
 */
public class PartnerReferrals {

    @AggregateIdentifier
    private String streamId;
    private final Map<String, Referral> referrals = new HashMap<>();

    /** What a later change must respect and repeat in its fact. */
    private record Referral(ReferralSentEvent sent, ReferralStatus status, LocalDate since) {
    }

    protected PartnerReferrals() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(SendReferralCommand command, Clock clock) {
        if (referrals.containsKey(command.referralId())) {
            throw new RuleViolationException("REFERRAL_ALREADY_SENT", "Referral " + command.referralId()
                    + " was already sent");
        }
        AccompaniedPathway pathway = command.pathway();
        LocalDate today = LocalDate.now(clock);
        if (command.sentOn().isAfter(today)) {
            throw new RuleViolationException("DATE_IN_FUTURE", "The referral date " + command.sentOn()
                    + " is after today, " + today);
        }
        if (command.sentOn().isBefore(pathway.entryDate())) {
            throw new RuleViolationException("BEFORE_PATHWAY_ENTRY", "The referral date " + command.sentOn()
                    + " is before the pathway's entry on " + pathway.entryDate());
        }
        apply(new ReferralSentEvent(command.referralId(), pathway.territoryId(), pathway.chantierId(),
                command.partnerId(), command.partnerKind(), pathway.pathwayId(), pathway.participantId(),
                command.category(), command.sentOn(), command.identitySharingConsent()));
    }

    @CommandHandler
    void handle(ChangeReferralStatusCommand command, Clock clock) {
        Referral referral = referrals.get(command.referralId());
        if (referral == null) {
            throw new NotFoundException("Referral " + command.referralId() + " not found");
        }
        if (command.status() == ReferralStatus.EXPIRED || !referral.status().mayBecome(command.status())) {
            throw new RuleViolationException("REFERRAL_STEP_NOT_ALLOWED", "A referral goes SENT → ACCEPTED → "
                    + "COMPLETED, or is DECLINED, or CANCELLED while open; this one is " + referral.status());
        }
        LocalDate today = LocalDate.now(clock);
        if (command.on().isAfter(today)) {
            throw new RuleViolationException("DATE_IN_FUTURE", "The date " + command.on() + " is after today, "
                    + today);
        }
        if (command.on().isBefore(referral.since())) {
            throw new RuleViolationException("CHANGE_BEFORE_PREVIOUS", "The referral is " + referral.status()
                    + " since " + referral.since() + "; a later change cannot be dated " + command.on());
        }
        ReferralSentEvent sent = referral.sent();
        apply(new ReferralStatusChangedEvent(sent.referralId(), sent.territoryId(), sent.chantierId(),
                sent.partnerId(), sent.partnerKind(), sent.pathwayId(), sent.participantId(), sent.category(),
                command.status(), command.on()));
    }

    /**
     * A referral still unanswered on its deadline becomes {@code EXPIRED}, dated on that deadline (not on the day
     * the sweep ran), so the fact is the same whenever and however often the sweep sends this command.
     */
    @CommandHandler
    ReferralExpiry.Outcome handle(ExpireReferralCommand command, ReferralExpiry expiry, Clock clock) {
        Referral referral = referrals.get(command.referralId());
        if (referral == null) {
            throw new NotFoundException("Referral " + command.referralId() + " not found");
        }
        if (referral.status() != ReferralStatus.SENT) {
            return ReferralExpiry.Outcome.NOT_OPEN;
        }
        LocalDate deadline = expiry.deadline(referral.sent().sentOn());
        if (deadline.isAfter(LocalDate.now(clock))) {
            return ReferralExpiry.Outcome.NOT_DUE;
        }
        ReferralSentEvent sent = referral.sent();
        apply(new ReferralStatusChangedEvent(sent.referralId(), sent.territoryId(), sent.chantierId(),
                sent.partnerId(), sent.partnerKind(), sent.pathwayId(), sent.participantId(), sent.category(),
                ReferralStatus.EXPIRED, deadline));
        return ReferralExpiry.Outcome.EXPIRED;
    }

    @EventSourcingHandler
    void on(ReferralSentEvent event) {
        streamId = Streams.referrals(event.territoryId(), event.partnerId());
        referrals.put(event.referralId(), new Referral(event, ReferralStatus.SENT, event.sentOn()));
    }

    @EventSourcingHandler
    void on(ReferralStatusChangedEvent event) {
        Referral referral = referrals.get(event.referralId());
        referrals.put(event.referralId(), new Referral(referral.sent(), event.status(), event.on()));
    }
}
