package org.convergence.accompaniment.query;

import jakarta.enterprise.context.ApplicationScoped;
import org.axonframework.eventhandling.DomainEventMessage;
import org.convergence.accompaniment.domain.AccompanimentMessages.AssessmentRecordedEvent;
import org.convergence.accompaniment.domain.AccompanimentMessages.BarrierResolvedByReferralEvent;
import org.convergence.accompaniment.domain.AccompanimentMessages.BarrierStatusChangedEvent;
import org.convergence.accompaniment.domain.AccompanimentMessages.HealthRightsOpenedEvent;
import org.convergence.accompaniment.domain.BarrierCategory;
import org.convergence.accompaniment.domain.BarrierStatus;
import org.convergence.accompaniment.domain.Streams;
import org.convergence.platform.axon.RecordedBy;
import org.convergence.platform.eventstore.MongoEventStore;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a pathway's accompaniment by folding its own event stream: a few {@code _id} lookups, always consistent
 * with the last accepted command, and no projection to keep in step.
 */
@ApplicationScoped
public class AccompanimentReads {

    private final MongoEventStore store;

    public AccompanimentReads(MongoEventStore store) {
        this.store = store;
    }

    /** The accompaniment of a pathway; empty lists and no assessment when nothing was recorded yet. */
    public AccompanimentView of(String pathwayId, String participantId) {
        AccompanimentView.Assessment assessment = null;
        Map<BarrierCategory, List<AccompanimentView.Change>> histories = new EnumMap<>(BarrierCategory.class);
        List<AccompanimentView.HealthRightsOpening> openings = new ArrayList<>();
        for (DomainEventMessage<?> event : store.eventsOf(Streams.accompaniment(pathwayId), 0)) {
            String recordedBy = (String) event.getMetaData().get(RecordedBy.KEY);
            Object payload = event.getPayload();
            if (payload instanceof AssessmentRecordedEvent e) {
                assessment = new AccompanimentView.Assessment(e.assessedOn(), e.housingAtEntry(), e.barriers(),
                        recordedBy);
                e.barriers().forEach(category -> histories.computeIfAbsent(category, c -> new ArrayList<>())
                        .add(new AccompanimentView.Change(BarrierStatus.IDENTIFIED, e.assessedOn(), recordedBy)));
            } else if (payload instanceof BarrierStatusChangedEvent e) {
                histories.computeIfAbsent(e.category(), c -> new ArrayList<>())
                        .add(new AccompanimentView.Change(e.status(), e.changedOn(), recordedBy));
            } else if (payload instanceof BarrierResolvedByReferralEvent e) {
                histories.computeIfAbsent(e.category(), c -> new ArrayList<>())
                        .add(new AccompanimentView.Change(BarrierStatus.RESOLVED, e.changedOn(), recordedBy));
            } else if (payload instanceof HealthRightsOpenedEvent e) {
                openings.add(new AccompanimentView.HealthRightsOpening(e.kind(), e.openedOn(), recordedBy));
            }
        }
        List<AccompanimentView.Barrier> barriers = new ArrayList<>();
        histories.forEach((category, history) -> {
            AccompanimentView.Change last = history.get(history.size() - 1);
            barriers.add(new AccompanimentView.Barrier(category, last.status(), last.on(), List.copyOf(history)));
        });
        return new AccompanimentView(pathwayId, participantId, assessment, List.copyOf(barriers),
                List.copyOf(openings));
    }
}
