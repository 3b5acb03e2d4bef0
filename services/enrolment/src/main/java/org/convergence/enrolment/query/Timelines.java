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
    private final EnrolmentReads reads;
    private final ParticipantPathways pathways;

    public Timelines(MongoEventStore store, EnrolmentReads reads, ParticipantPathways pathways) {
        this.store = store;
        this.reads = reads;
        this.pathways = pathways;
    }

    /** The participant's pathways as they stand now; a link whose enrolment never completed is left out. */
    public List<PathwayView> pathwaysOf(String participantId) {
        return pathways.of(participantId).stream().map(reads::pathway).flatMap(java.util.Optional::stream).toList();
    }

    /** The facts of the given pathways that {@code visible} lets the caller see, in business-date order. */
    public List<TimelineEntry> of(List<PathwayView> pathwaysOfParticipant, Predicate<PathwayView> visible) {
        List<PathwayView> shown = pathwaysOfParticipant.stream().filter(visible).toList();
        java.util.Set<String> shownIds = new java.util.HashSet<>();
        shown.forEach(p -> shownIds.add(p.pathwayId()));
        List<TimelineEntry> entries = new ArrayList<>();
        for (PathwayView pathway : shown) {
            for (DomainEventMessage<?> event : store.eventsOf(Streams.pathway(pathway.pathwayId()), 0)) {
                TimelineEntry entry = entryOf(event, pathway);
                if (entry != null) {
                    // A link to a pathway outside the caller's scope would tell where else the person was.
                    entries.add(entry.linkedPathway() == null || shownIds.contains(entry.linkedPathway())
                            ? entry : entry.withoutLink());
                }
            }
        }
        entries.sort(BUSINESS_ORDER);
        return entries;
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
