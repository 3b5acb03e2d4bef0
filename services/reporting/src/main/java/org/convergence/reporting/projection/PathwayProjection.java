package org.convergence.reporting.projection;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.convergence.contracts.EventEnvelope;
import org.convergence.contracts.IntegrationEventCodec;
import org.convergence.contracts.enrolment.ChantierProgramStartedV1;
import org.convergence.contracts.enrolment.ChantierRegisteredV1;
import org.convergence.contracts.enrolment.CoordinationDesignatedV1;
import org.convergence.contracts.enrolment.ProgramStatusChangedV1;
import org.convergence.contracts.enrolment.SteeringCommitteeHeldV1;
import org.convergence.contracts.enrolment.CheckInRecordedV1;
import org.convergence.contracts.enrolment.EnrolmentEvents;
import org.convergence.contracts.enrolment.EntryDateCorrectedV1;
import org.convergence.contracts.enrolment.ExitCorrectedV1;
import org.convergence.contracts.enrolment.ParticipantEnrolledV1;
import org.convergence.contracts.enrolment.PathwayExitRecordedV1;
import org.convergence.contracts.enrolment.PathwayPromotedV1;
import org.convergence.contracts.enrolment.TerritoryRegisteredV1;
import org.convergence.contracts.InvalidIntegrationEventException;
import org.convergence.platform.messaging.BatchEventHandler;
import org.convergence.platform.messaging.RejectedEventException;
import org.convergence.reporting.figures.YearFigures;

import org.bson.conversions.Bson;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.Map;

/**
 * Folds pathway and structure facts into the reporting read model, a poll's worth at a time ({@link WriteBatch}).
 * Each fact sets its own fields only, so facts of one participant may arrive in any order (an exit before its
 * enrolment waits in the same document); dates are kept as ISO strings, which sort like dates.
 */
public final class PathwayProjection implements BatchEventHandler {

    private final ReadModel model;
    private final IntegrationEventCodec codec;

    public PathwayProjection(ReadModel model, IntegrationEventCodec codec) {
        this.model = model;
        this.codec = codec;
    }

    @Override
    public Map<Integer, RuntimeException> handleAll(List<EventEnvelope> events) {
        WriteBatch batch = new WriteBatch(model);
        prefetch(events, batch);
        Map<Integer, RuntimeException> rejected = new HashMap<>();
        for (int i = 0; i < events.size(); i++) {
            try {
                apply(events.get(i), batch);
                batch.keepStaged();
            } catch (InvalidIntegrationEventException | RejectedEventException e) {
                batch.dropStaged();
                rejected.put(i, e);
            }
        }
        batch.flush();
        return rejected;
    }

    /** Reads what the batch's documents already applied: one $in per collection instead of one read per event. */
    private void prefetch(List<EventEnvelope> events, WriteBatch batch) {
        Set<String> pathways = new HashSet<>();
        Set<String> territories = new HashSet<>();
        Set<String> chantiers = new HashSet<>();
        for (EventEnvelope event : events) {
            if (event.territoryId() != null) {
                territories.add(event.territoryId());
            }
            addText(pathways, event.payload().get("pathwayId"));
            addText(territories, event.payload().get("territoryId"));
            if (event.type().startsWith("chantier.")) {
                // Only a chantier's own facts touch its document; pathway facts name it without changing it.
                addText(chantiers, event.payload().get("chantierId"));
            }
        }
        batch.prefetch(model.pathways(), pathways);
        batch.prefetch(model.territories(), territories);
        batch.prefetch(model.chantiers(), chantiers);
    }

    private static void addText(Set<String> ids, com.fasterxml.jackson.databind.JsonNode value) {
        if (value != null && value.isTextual()) {
            ids.add(value.asText());
        }
    }

    private void apply(EventEnvelope event, WriteBatch batch) {
        switch (event.type()) {
            case "territory.registered" -> territoryRegistered(event, batch);
            case "territory.program-status-changed" -> programStatusChanged(event, batch);
            case "territory.coordination-designated" -> coordinationDesignated(event, batch);
            case "territory.steering-committee-held" -> steeringCommitteeHeld(event, batch);
            case "chantier.registered" -> chantierRegistered(event, batch);
            case "chantier.program-started" -> chantierProgramStarted(event, batch);
            case "pathway.enrolled" -> participantEnrolled(event, batch);
            case "pathway.exit-recorded" -> exitRecorded(event, batch);
            case "pathway.promoted" -> promoted(event, batch);
            case "pathway.entry-corrected" -> entryCorrected(event, batch);
            case "pathway.exit-corrected" -> exitCorrected(event, batch);
            case "pathway.check-in-recorded" -> checkInRecorded(event, batch);
            default -> {
                // Other types of the topic are not reporting's concern.
            }
        }
    }

    private void territoryRegistered(EventEnvelope event, WriteBatch batch) {
        TerritoryRegisteredV1 e = codec.payload(event, EnrolmentEvents.TERRITORY_REGISTERED);
        batch.applyOnce(model.territories(), e.territoryId(), event.eventId(),
                Updates.combine(Updates.set("name", e.name()), Updates.set("densityKind", e.densityKind()),
                        Updates.set("registered", true)));
    }

    /** Each status keeps its own date field, so the deployment can be read as of any day. */
    private void programStatusChanged(EventEnvelope event, WriteBatch batch) {
        ProgramStatusChangedV1 e = codec.payload(event, EnrolmentEvents.PROGRAM_STATUS_CHANGED);
        String field = "OPERATIONAL".equals(e.status()) ? "operationalSince" : "engagedOn";
        batch.applyOnce(model.territories(), e.territoryId(), event.eventId(),
                Updates.set("programs." + e.program() + "." + field, e.effectiveOn().toString()));
    }

    private void coordinationDesignated(EventEnvelope event, WriteBatch batch) {
        CoordinationDesignatedV1 e = codec.payload(event, EnrolmentEvents.COORDINATION_DESIGNATED);
        batch.applyOnce(model.territories(), e.territoryId(), event.eventId(),
                Updates.set("coordinationStructure", e.structureName()));
    }

    private void steeringCommitteeHeld(EventEnvelope event, WriteBatch batch) {
        SteeringCommitteeHeldV1 e = codec.payload(event, EnrolmentEvents.STEERING_COMMITTEE_HELD);
        batch.applyOnce(model.territories(), e.territoryId(), event.eventId(),
                Updates.addToSet("steeringCommittees", e.heldOn().toString()));
    }

    private void chantierRegistered(EventEnvelope event, WriteBatch batch) {
        ChantierRegisteredV1 e = codec.payload(event, EnrolmentEvents.CHANTIER_REGISTERED);
        List<Bson> updates = new ArrayList<>();
        updates.add(Updates.set("territoryId", e.territoryId()));
        updates.add(Updates.set("name", e.name()));
        for (ChantierRegisteredV1.ProgramCarried program : e.programs()) {
            updates.add(Updates.set("programs." + program.program(), program.since().toString()));
        }
        batch.upsert(model.territories(), e.territoryId(), Updates.addToSet("chantierIds", e.chantierId()));
        batch.applyOnce(model.chantiers(), e.chantierId(), event.eventId(), Updates.combine(updates));
    }

    private void chantierProgramStarted(EventEnvelope event, WriteBatch batch) {
        ChantierProgramStartedV1 e = codec.payload(event, EnrolmentEvents.CHANTIER_PROGRAM_STARTED);
        batch.upsert(model.territories(), e.territoryId(), Updates.addToSet("chantierIds", e.chantierId()));
        batch.applyOnce(model.chantiers(), e.chantierId(), event.eventId(), Updates.combine(
                Updates.set("territoryId", e.territoryId()),
                Updates.set("programs." + e.program(), e.since().toString())));
    }

    private void participantEnrolled(EventEnvelope event, WriteBatch batch) {
        ParticipantEnrolledV1 e = codec.payload(event, EnrolmentEvents.PARTICIPANT_ENROLLED);
        Pathway pathway = pathway(event, batch, e.pathwayId(), e.participantId());
        pathway.rosterOf(e.program(), Updates.set(pathway.field("entryDate"), e.entryDate().toString()),
                Updates.set(pathway.field("promotedFrom"), e.promotedFromPathwayId()));
        if (YearFigures.PREMIERES_HEURES.equals(e.program())) {
            pathway.index(model.premieresHeures(), ReadModel.premieresHeuresBucketOf(e.participantId()),
                    Updates.set(premieresHeuresField(e.participantId(), e.pathwayId()), e.entryDate().toString()));
        }
        pathway.marked(Updates.set("program", e.program()), Updates.set("entryDate", e.entryDate().toString()));
    }

    /** A correction replaces the fields it corrects: figures of past years move with it. */
    private void entryCorrected(EventEnvelope event, WriteBatch batch) {
        EntryDateCorrectedV1 e = codec.payload(event, EnrolmentEvents.ENTRY_DATE_CORRECTED);
        Pathway pathway = pathway(event, batch, e.pathwayId(), e.participantId());
        pathway.roster(Updates.set(pathway.field("entryDate"), e.entryDate().toString()));
        // Only a Premières Heures pathway is in that index; the event does not say the program.
        String field = premieresHeuresField(e.participantId(), e.pathwayId());
        pathway.indexIfPresent(model.premieresHeures(), ReadModel.premieresHeuresBucketOf(e.participantId()), field,
                Updates.set(field, e.entryDate().toString()));
        pathway.marked(Updates.set("entryDate", e.entryDate().toString()));
    }

    private void exitRecorded(EventEnvelope event, WriteBatch batch) {
        PathwayExitRecordedV1 e = codec.payload(event, EnrolmentEvents.PATHWAY_EXIT_RECORDED);
        Pathway pathway = pathway(event, batch, e.pathwayId(), e.participantId());
        pathway.rosterOf(e.program(), Updates.set(pathway.field("exitDate"), e.exitDate().toString()),
                Updates.set(pathway.field("exitCategory"), e.exitCategory()));
        pathway.marked(Updates.set("exitDate", e.exitDate().toString()));
    }

    private void exitCorrected(EventEnvelope event, WriteBatch batch) {
        ExitCorrectedV1 e = codec.payload(event, EnrolmentEvents.EXIT_CORRECTED);
        Pathway pathway = pathway(event, batch, e.pathwayId(), e.participantId());
        pathway.roster(Updates.set(pathway.field("exitDate"), e.exitDate().toString()),
                Updates.set(pathway.field("exitCategory"), e.exitCategory()));
        pathway.marked(Updates.set("exitDate", e.exitDate().toString()));
    }

    private void checkInRecorded(EventEnvelope event, WriteBatch batch) {
        CheckInRecordedV1 e = codec.payload(event, EnrolmentEvents.CHECK_IN_RECORDED);
        Pathway pathway = pathway(event, batch, e.pathwayId(), e.participantId());
        pathway.roster(Updates.addToSet(pathway.field("checkIns"), e.milestoneMonths()));
        pathway.marked();
    }

    private void promoted(EventEnvelope event, WriteBatch batch) {
        PathwayPromotedV1 e = codec.payload(event, EnrolmentEvents.PATHWAY_PROMOTED);
        Pathway pathway = pathway(event, batch, e.pathwayId(), e.participantId());
        pathway.rosterOf(YearFigures.PREMIERES_HEURES,
                Updates.set(pathway.field("exitDate"), e.promotionDate().toString()),
                Updates.set(pathway.field("promotedTo"), e.convergencePathwayId()));
        pathway.marked(Updates.set("exitDate", e.promotionDate().toString()));
    }

    private static String premieresHeuresField(String participantId, String pathwayId) {
        return "participants." + participantId + "." + pathwayId;
    }

    /**
     * Where one pathway fact is written: its chantier's roster (plain sets, idempotent by nature, so written
     * before the marker, and replaying a participant's facts in order gives the same state) and the pathway's own
     * document, which carries the event marker. The territory learns the chantier the first time.
     */
    private Pathway pathway(EventEnvelope event, WriteBatch batch, String pathwayId, String participantId) {
        if (event.territoryId() == null || event.chantierId() == null) {
            throw new RejectedEventException(event.type() + " without territoryId and chantierId in its envelope");
        }
        for (String id : List.of(pathwayId, participantId)) {
            if (id.isBlank() || id.contains(".") || id.startsWith("$")) {
                throw new RejectedEventException("id '" + id + "' cannot name a field");
            }
        }
        if (batch.hasApplied(model.pathways(), pathwayId, event.eventId())) {
            // An old fact delivered again on its own (a lease overlap, a rebalance): writing its roster fields
            // now would undo later corrections. Its marker is stored, so its index writes are too.
            return new Pathway(batch, event, pathwayId, participantId, true);
        }
        if (!batch.listsChantier(event.territoryId(), event.chantierId())) {
            batch.upsert(model.territories(), event.territoryId(), Updates.combine(Updates.set("known", true),
                    Updates.addToSet("chantierIds", event.chantierId())));
            batch.chantierListed(event.territoryId(), event.chantierId());
        }
        return new Pathway(batch, event, pathwayId, participantId, false);
    }

    /** The writes of one pathway fact. */
    private final class Pathway {

        private final WriteBatch batch;
        private final EventEnvelope event;
        private final String pathwayId;
        private final String participantId;
        private final boolean alreadyApplied;

        Pathway(WriteBatch batch, EventEnvelope event, String pathwayId, String participantId,
                boolean alreadyApplied) {
            this.batch = batch;
            this.event = event;
            this.pathwayId = pathwayId;
            this.participantId = participantId;
            this.alreadyApplied = alreadyApplied;
        }

        /** Writes beyond the pathway's own documents, skipped for a fact already applied. */
        void index(MongoCollection<Document> collection, String id, Bson update) {
            if (!alreadyApplied) {
                batch.upsert(collection, id, update);
            }
        }

        void indexIfPresent(MongoCollection<Document> collection, String id, String field, Bson update) {
            if (!alreadyApplied) {
                batch.updateIfPresent(collection, id, field, update);
            }
        }

        String field(String name) {
            return "pathways." + pathwayId + "." + name;
        }

        /** A fact that names the program: the entry learns whose pathway it is even if its enrolment is late. */
        void rosterOf(String program, Bson... updates) {
            List<Bson> all = new ArrayList<>(List.of(Updates.set(field("participantId"), participantId),
                    Updates.set(field("program"), program)));
            all.addAll(List.of(updates));
            roster(all.toArray(Bson[]::new));
        }

        void roster(Bson... updates) {
            index(model.chantierRoster(), ReadModel.rosterBucketOf(event.chantierId(), pathwayId),
                    Updates.combine(updates));
        }

        /** The pathway's own document: who and where, the given fields, and the event's marker. */
        void marked(Bson... fields) {
            List<Bson> updates = new ArrayList<>(List.of(Updates.set("participantId", participantId),
                    Updates.set("territoryId", event.territoryId()), Updates.set("chantierId", event.chantierId())));
            updates.addAll(List.of(fields));
            batch.applyOnce(model.pathways(), pathwayId, event.eventId(), Updates.combine(updates));
        }
    }
}
