package org.convergence.accompaniment.query;

import jakarta.enterprise.context.ApplicationScoped;
import org.axonframework.eventhandling.DomainEventMessage;
import org.convergence.accompaniment.domain.PartnerMessages.PartnerRegisteredEvent;
import org.convergence.accompaniment.domain.PartnerMessages.ReferralSentEvent;
import org.convergence.accompaniment.domain.PartnerMessages.ReferralStatusChangedEvent;
import org.convergence.accompaniment.domain.ReferralStatus;
import org.convergence.accompaniment.domain.Streams;
import org.convergence.platform.axon.RecordedBy;
import org.convergence.platform.eventstore.MongoEventStore;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads a territory's directory and a partner's referrals by folding their streams (a few {@code _id} lookups). */
@ApplicationScoped
public class PartnerReads {

    private final MongoEventStore store;

    public PartnerReads(MongoEventStore store) {
        this.store = store;
    }

    public List<PartnerView> directory(String territoryId) {
        List<PartnerView> partners = new ArrayList<>();
        for (DomainEventMessage<?> event : store.eventsOf(Streams.partners(territoryId), 0)) {
            if (event.getPayload() instanceof PartnerRegisteredEvent e) {
                partners.add(new PartnerView(e.partnerId(), e.territoryId(), e.name(), e.kind()));
            }
        }
        return partners;
    }

    public Optional<PartnerView> partner(String territoryId, String partnerId) {
        return directory(territoryId).stream().filter(p -> p.partnerId().equals(partnerId)).findFirst();
    }

    /** The referrals addressed to a partner, in the order they were sent. */
    public List<ReferralView> referrals(String territoryId, String partnerId) {
        Map<String, ReferralView> referrals = new LinkedHashMap<>();
        for (DomainEventMessage<?> event : store.eventsOf(Streams.referrals(territoryId, partnerId), 0)) {
            String recordedBy = (String) event.getMetaData().get(RecordedBy.KEY);
            if (event.getPayload() instanceof ReferralSentEvent e) {
                referrals.put(e.referralId(), new ReferralView(e.referralId(), e.territoryId(), e.chantierId(),
                        e.partnerId(), e.partnerKind(), e.pathwayId(), e.participantId(), e.category(), e.sentOn(),
                        e.identitySharingConsent(), ReferralStatus.SENT, e.sentOn(),
                        List.of(new ReferralView.Step(ReferralStatus.SENT, e.sentOn(), recordedBy))));
            } else if (event.getPayload() instanceof ReferralStatusChangedEvent e
                    && referrals.containsKey(e.referralId())) {
                ReferralView r = referrals.get(e.referralId());
                List<ReferralView.Step> history = new ArrayList<>(r.history());
                history.add(new ReferralView.Step(e.status(), e.on(), recordedBy));
                referrals.put(r.referralId(), new ReferralView(r.referralId(), r.territoryId(), r.chantierId(),
                        r.partnerId(), r.partnerKind(), r.pathwayId(), r.participantId(), r.category(), r.sentOn(),
                        r.identitySharingConsent(), e.status(), e.on(), List.copyOf(history)));
            }
        }
        return List.copyOf(referrals.values());
    }

    public Optional<ReferralView> referral(String territoryId, String partnerId, String referralId) {
        return referrals(territoryId, partnerId).stream().filter(r -> r.referralId().equals(referralId)).findFirst();
    }
}
