package org.convergence.accompaniment.messaging;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.convergence.accompaniment.application.AccompanimentFacts;
import org.convergence.accompaniment.application.ReferralDeadlines;
import org.convergence.accompaniment.domain.BarrierCategory;
import org.convergence.accompaniment.domain.PartnerKind;
import org.convergence.accompaniment.domain.ReferralExpiry;
import org.convergence.accompaniment.domain.ReferralStatus;
import org.convergence.accompaniment.query.ExpiredReferrals;
import org.convergence.contracts.EventEnvelope;
import org.convergence.contracts.IntegrationEventCodec;
import org.convergence.contracts.InvalidIntegrationEventException;
import org.convergence.contracts.Topics;
import org.convergence.contracts.accompaniment.AccompanimentEvents;
import org.convergence.contracts.accompaniment.ReferralSentV1;
import org.convergence.contracts.accompaniment.ReferralStatusChangedV1;
import org.convergence.platform.axon.RecordedBy;
import org.convergence.platform.messaging.ConsumedEvent;
import org.convergence.platform.messaging.ConsumerDeclaration;
import org.convergence.platform.messaging.RejectedEventException;
import org.convergence.platform.messaging.RetryLaterException;
import org.convergence.platform.time.BusinessDates;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What follows a referral's facts, read back from this service's own topic (so it happens once the fact is
 * stored, and again after a crash until its offset is committed; every effect is idempotent):
 * <ul>
 *   <li>{@code referral.sent}: its expiry deadline is stored ({@link ReferralDeadlines});</li>
 *   <li>{@code referral.status-changed} {@code COMPLETED}: the referral's barrier moves (a housing or health
 *       referral completed resolves that barrier), a fact recorded by {@code referral:<id>};</li>
 *   <li>{@code referral.status-changed} {@code EXPIRED}: the referral joins its chantier's expired list.</li>
 * </ul>
 * Not rebuildable: it sends commands, which a new read-model generation must not send again.
 */
@Singleton
public class ReferralFollowUp {

    public static final String CONSUMER = "referral-follow-up";

    private final IntegrationEventCodec codec;
    private final ReferralDeadlines deadlines;
    private final ReferralExpiry expiry;
    private final AccompanimentFacts facts;
    private final ExpiredReferrals expired;

    public ReferralFollowUp(IntegrationEventCodec codec, ReferralDeadlines deadlines, ReferralExpiry expiry,
                            AccompanimentFacts facts, ExpiredReferrals expired) {
        this.codec = codec;
        this.deadlines = deadlines;
        this.expiry = expiry;
        this.facts = facts;
        this.expired = expired;
    }

    @Produces
    @Singleton
    ConsumerDeclaration referralFollowUpConsumer() {
        return new ConsumerDeclaration(CONSUMER, Set.of(Topics.ACCOMPANIMENT), this::handleAll, false);
    }

    Map<Integer, RuntimeException> handleAll(List<ConsumedEvent> events) {
        Map<Integer, RuntimeException> rejected = new HashMap<>();
        for (int i = 0; i < events.size(); i++) {
            try {
                follow(events.get(i).envelope());
            } catch (InvalidIntegrationEventException | RejectedEventException unusable) {
                rejected.put(i, unusable);
            }
        }
        return rejected;
    }

    private void follow(EventEnvelope envelope) {
        if (AccompanimentEvents.REFERRAL_SENT.name().equals(envelope.type())) {
            ReferralSentV1 sent = codec.payload(envelope, AccompanimentEvents.REFERRAL_SENT);
            deadlines.schedule(requireTerritory(envelope), sent.partnerId(), sent.referralId(),
                    expiry.deadline(sent.sentOn()), BusinessDates.today());
        } else if (AccompanimentEvents.REFERRAL_STATUS_CHANGED.name().equals(envelope.type())) {
            ReferralStatusChangedV1 changed = codec.payload(envelope, AccompanimentEvents.REFERRAL_STATUS_CHANGED);
            if (ReferralStatus.COMPLETED.name().equals(changed.status())) {
                resolveBarrier(changed);
            } else if (ReferralStatus.EXPIRED.name().equals(changed.status())) {
                expired.record(requireChantier(envelope), new ExpiredReferrals.Expired(changed.referralId(),
                        changed.partnerId(), PartnerKind.valueOf(changed.partnerKind()), changed.pathwayId(),
                        changed.participantId(), BarrierCategory.valueOf(changed.category()),
                        changed.changedOn()));
            }
        }
    }

    private void resolveBarrier(ReferralStatusChangedV1 completed) {
        boolean known = RecordedBy.as("referral:" + completed.referralId(), () -> facts.resolveAfterCompletedReferral(
                completed.pathwayId(), completed.referralId(), BarrierCategory.valueOf(completed.category()),
                completed.changedOn()));
        if (!known) {
            throw new RetryLaterException("pathway " + completed.pathwayId()
                    + " is not known to the accompaniment service's enrolment view (yet)");
        }
    }

    private static String requireTerritory(EventEnvelope envelope) {
        if (envelope.territoryId() == null) {
            throw new RejectedEventException(envelope.type() + " without territoryId in its envelope");
        }
        return envelope.territoryId();
    }

    private static String requireChantier(EventEnvelope envelope) {
        if (envelope.chantierId() == null) {
            throw new RejectedEventException(envelope.type() + " without chantierId in its envelope");
        }
        return envelope.chantierId();
    }
}
