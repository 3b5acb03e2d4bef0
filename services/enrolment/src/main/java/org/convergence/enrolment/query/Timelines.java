package org.convergence.enrolment.query;

import jakarta.enterprise.context.ApplicationScoped;
import org.axonframework.eventhandling.DomainEventMessage;
import org.convergence.enrolment.domain.PathwayMessages.CheckInRecordedEvent;
import org.convergence.enrolment.domain.PathwayMessages.EntryDateCorrectedEvent;
import org.convergence.enrolment.domain.PathwayMessages.ExitCorrectedEvent;
import org.convergence.enrolment.domain.PathwayMessages.ParticipantEnrolledEvent;
import org.convergence.enrolment.domain.PathwayMessages.PathwayExitRecordedEvent;
import org.convergence.enrolment.domain.PathwayMessages.PromotedToConvergenceEvent;
import org.convergence.enrolment.domain.Streams;
import org.convergence.enrolment.query.TimelineEntry.Fact;
import org.convergence.platform.eventstore.MongoEventStore;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;

/**
 * A participant's timeline: every fact of their pathways, corrections included as facts of their own, in
 * business-date order (then in the order they were recorded). Read from the event store, so it is always as
 * complete as the last accepted command.
 */
@ApplicationScoped
public class Timelines {

    private static final Comparator<TimelineEntry> BUSINESS_ORDER = Comparator
            .comparing(TimelineEntry::occurredOn)
            .thenComparing(TimelineEntry::recordedAt)
            .thenComparing(TimelineEntry::pathwayId);

    private final MongoEventStore store;
    private final ParticipantPathways pathways;

    public Timelines(MongoEventStore store, ParticipantPathways pathways) {
        this.store = store;
        this.pathways = pathways;
    }

    /**
     * The facts of the participant's pathways that {@code visible} lets the caller see, in business-date order;
     * empty if the participant has no pathway (a link whose enrolment never completed is left out). Each pathway's
     * stream is read once, for its state and its facts.
     */
    public Optional<List<TimelineEntry>> of(String participantId, Predicate<PathwayView> visible) {
        Map<PathwayView, List<DomainEventMessage<?>>> shown = new LinkedHashMap<>();
        boolean any = false;
        for (String pathwayId : pathways.of(participantId)) {
            List<DomainEventMessage<?>> events = store.eventsOf(Streams.pathway(pathwayId), 0);
            Optional<PathwayView> pathway = EnrolmentReads.pathwayOf(events);
            any |= pathway.isPresent();
            pathway.filter(visible).ifPresent(p -> shown.put(p, events));
        }
        if (!any) {
            return Optional.empty();
        }
        Set<String> shownIds = new HashSet<>();
        shown.keySet().forEach(p -> shownIds.add(p.pathwayId()));
        List<TimelineEntry> entries = new ArrayList<>();
        shown.forEach((pathway, events) -> {
            for (DomainEventMessage<?> event : events) {
                TimelineEntry entry = entryOf(event, pathway);
                if (entry != null) {
                    // A link to a pathway outside the caller's scope would tell where else the person was.
                    entries.add(entry.linkedPathway() == null || shownIds.contains(entry.linkedPathway())
                            ? entry : entry.withoutLink());
                }
            }
        });
        entries.sort(BUSINESS_ORDER);
        return Optional.of(entries);
    }

    private static TimelineEntry entryOf(DomainEventMessage<?> event, PathwayView pathway) {
        Object payload = event.getPayload();
        java.time.Instant at = event.getTimestamp();
        String id = pathway.pathwayId();
        String program = pathway.program();
        String chantier = pathway.chantierId();
        if (payload instanceof ParticipantEnrolledEvent e) {
            return new TimelineEntry(e.entryDate(), at, Fact.ENROLLED, id, program, chantier, null, null, null, null,
                    e.promotedFrom());
        }
        if (payload instanceof PromotedToConvergenceEvent e) {
            return new TimelineEntry(e.promotionDate(), at, Fact.PROMOTED, id, program, chantier, null, null, null,
                    null, e.convergencePathwayId());
        }
        if (payload instanceof PathwayExitRecordedEvent e) {
            return new TimelineEntry(e.exitDate(), at, Fact.EXITED, id, program, chantier, name(e.category()),
                    name(e.housingAtExit()), null, null, null);
        }
        if (payload instanceof EntryDateCorrectedEvent e) {
            return new TimelineEntry(e.entryDate(), at, Fact.ENTRY_DATE_CORRECTED, id, program, chantier, null, null,
                    null, e.previousEntryDate(), null);
        }
        if (payload instanceof ExitCorrectedEvent e) {
            return new TimelineEntry(e.exitDate(), at, Fact.EXIT_CORRECTED, id, program, chantier, name(e.category()),
                    name(e.housingAtExit()), null, null, null);
        }
        if (payload instanceof CheckInRecordedEvent e) {
            return new TimelineEntry(e.checkInDate(), at, Fact.CHECK_IN, id, program, chantier,
                    name(e.employmentStatus()), name(e.housingSituation()), e.milestoneMonths(), null, null);
        }
        return null;
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }
}
