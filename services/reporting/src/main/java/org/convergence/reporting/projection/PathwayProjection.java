package org.convergence.reporting.projection;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
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
import org.convergence.platform.messaging.IntegrationEventHandler;
import org.convergence.platform.messaging.RejectedEventException;
import org.convergence.reporting.figures.YearFigures;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Folds pathway and structure facts into the reporting read model. Each fact sets its own fields only,
 * so facts of one participant may arrive in any order (an exit before its enrolment waits in the same
 * document); dates are kept as ISO strings, which sort like dates.
 */
public final class PathwayProjection implements IntegrationEventHandler {

    private final ReadModel model;
    private final IntegrationEventCodec codec;

    public PathwayProjection(ReadModel model, IntegrationEventCodec codec) {
        this.model = model;
        this.codec = codec;
    }

    @Override
    public void handle(EventEnvelope event) {
        switch (event.type()) {
            case "territory.registered" -> territoryRegistered(event);
            case "territory.program-status-changed" -> programStatusChanged(event);
            case "territory.coordination-designated" -> coordinationDesignated(event);
            case "territory.steering-committee-held" -> steeringCommitteeHeld(event);
            case "chantier.registered" -> chantierRegistered(event);
            case "chantier.program-started" -> chantierProgramStarted(event);
            case "pathway.enrolled" -> participantEnrolled(event);
            case "pathway.exit-recorded" -> exitRecorded(event);
            case "pathway.promoted" -> promoted(event);
            case "pathway.entry-corrected" -> entryCorrected(event);
            case "pathway.exit-corrected" -> exitCorrected(event);
            case "pathway.check-in-recorded" -> checkInRecorded(event);
            default -> {
                // Other types of the topic are not reporting's concern.
            }
        }
    }

    private void territoryRegistered(EventEnvelope event) {
        TerritoryRegisteredV1 e = codec.payload(event, EnrolmentEvents.TERRITORY_REGISTERED);
        ReadModel.applyOnce(model.territories(), e.territoryId(), event.eventId(),
                Updates.combine(Updates.set("name", e.name()), Updates.set("densityKind", e.densityKind()),
                        Updates.set("registered", true)));
    }

    /** Each status keeps its own date field, so the deployment can be read as of any day. */
    private void programStatusChanged(EventEnvelope event) {
        ProgramStatusChangedV1 e = codec.payload(event, EnrolmentEvents.PROGRAM_STATUS_CHANGED);
        String field = "OPERATIONAL".equals(e.status()) ? "operationalSince" : "engagedOn";
        ReadModel.applyOnce(model.territories(), e.territoryId(), event.eventId(),
                Updates.set("programs." + e.program() + "." + field, e.effectiveOn().toString()));
    }

    private void coordinationDesignated(EventEnvelope event) {
        CoordinationDesignatedV1 e = codec.payload(event, EnrolmentEvents.COORDINATION_DESIGNATED);
        ReadModel.applyOnce(model.territories(), e.territoryId(), event.eventId(),
                Updates.set("coordinationStructure", e.structureName()));
    }

    private void steeringCommitteeHeld(EventEnvelope event) {
        SteeringCommitteeHeldV1 e = codec.payload(event, EnrolmentEvents.STEERING_COMMITTEE_HELD);
        ReadModel.applyOnce(model.territories(), e.territoryId(), event.eventId(),
                Updates.addToSet("steeringCommittees", e.heldOn().toString()));
    }

    private void chantierProgramStarted(EventEnvelope event) {
        ChantierProgramStartedV1 e = codec.payload(event, EnrolmentEvents.CHANTIER_PROGRAM_STARTED);
        ReadModel.applyOnce(model.chantiers(), e.chantierId(), event.eventId(), Updates.combine(
                Updates.set("territoryId", e.territoryId()),
                Updates.set("programs." + e.program(), e.since().toString())));
    }

    private void chantierRegistered(EventEnvelope event) {
        ChantierRegisteredV1 e = codec.payload(event, EnrolmentEvents.CHANTIER_REGISTERED);
        List<org.bson.conversions.Bson> updates = new ArrayList<>();
        updates.add(Updates.set("territoryId", e.territoryId()));
        updates.add(Updates.set("name", e.name()));
        for (ChantierRegisteredV1.ProgramCarried program : e.programs()) {
            updates.add(Updates.set("programs." + program.program(), program.since().toString()));
        }
        ReadModel.applyOnce(model.chantiers(), e.chantierId(), event.eventId(), Updates.combine(updates));
    }

    private void participantEnrolled(EventEnvelope event) {
        ParticipantEnrolledV1 e = codec.payload(event, EnrolmentEvents.PARTICIPANT_ENROLLED);
        index(e.territoryId(), e.participantId(), e.pathwayId());
        roster(e.chantierId(), e.pathwayId(), Map.of("participantId", e.participantId(), "program", e.program(),
                "entryDate", e.entryDate().toString()));
        ReadModel.applyOnce(model.pathways(), e.pathwayId(), event.eventId(), Updates.combine(
                Updates.set("participantId", e.participantId()),
                Updates.set("program", e.program()),
                Updates.set("territoryId", e.territoryId()),
                Updates.set("chantierId", e.chantierId()),
                Updates.set("entryDate", e.entryDate().toString()),
                Updates.set("promotedFrom", e.promotedFromPathwayId())));
    }

    /** A correction replaces the fields it corrects: figures of past years move with it. */
    private void entryCorrected(EventEnvelope event) {
        EntryDateCorrectedV1 e = codec.payload(event, EnrolmentEvents.ENTRY_DATE_CORRECTED);
        index(requireTerritory(event), e.participantId(), e.pathwayId());
        roster(event.chantierId(), e.pathwayId(), Map.of("entryDate", e.entryDate().toString()));
        ReadModel.applyOnce(model.pathways(), e.pathwayId(), event.eventId(),
                Updates.set("entryDate", e.entryDate().toString()));
    }

    private void exitCorrected(EventEnvelope event) {
        ExitCorrectedV1 e = codec.payload(event, EnrolmentEvents.EXIT_CORRECTED);
        index(requireTerritory(event), e.participantId(), e.pathwayId());
        roster(event.chantierId(), e.pathwayId(), Map.of("exitDate", e.exitDate().toString()));
        ReadModel.applyOnce(model.pathways(), e.pathwayId(), event.eventId(), Updates.combine(
                Updates.set("exitDate", e.exitDate().toString()),
                Updates.set("exitCategory", e.exitCategory())));
    }

    private void checkInRecorded(EventEnvelope event) {
        CheckInRecordedV1 e = codec.payload(event, EnrolmentEvents.CHECK_IN_RECORDED);
        index(requireTerritory(event), e.participantId(), e.pathwayId());
        ReadModel.applyOnce(model.pathways(), e.pathwayId(), event.eventId(),
                Updates.addToSet("checkIns", e.milestoneMonths()));
    }

    private void promoted(EventEnvelope event) {
        PathwayPromotedV1 e = codec.payload(event, EnrolmentEvents.PATHWAY_PROMOTED);
        index(requireTerritory(event), e.participantId(), e.pathwayId());
        roster(event.chantierId(), e.pathwayId(), Map.of("participantId", e.participantId(),
                "program", YearFigures.PREMIERES_HEURES, "exitDate", e.promotionDate().toString()));
        ReadModel.applyOnce(model.pathways(), e.pathwayId(), event.eventId(), Updates.combine(
                Updates.set("participantId", e.participantId()),
                Updates.set("program", YearFigures.PREMIERES_HEURES),
                Updates.set("territoryId", event.territoryId()),
                Updates.set("chantierId", event.chantierId()),
                Updates.set("exitDate", e.promotionDate().toString()),
                Updates.set("promotedTo", e.convergencePathwayId())));
    }

    /**
     * The territory's and the participant's lists of pathways, written before the pathway's own document:
     * they are idempotent by nature, and the pathway's event marker must come last.
     */
    private void index(String territoryId, String participantId, String pathwayId) {
        Document pathway = model.pathways().find(Filters.eq("_id", pathwayId)).first();
        if (pathway != null && territoryId.equals(pathway.getString("territoryId"))) {
            return; // indexed by an earlier fact of this pathway
        }
        model.territories().updateOne(Filters.eq("_id", territoryId), Updates.set("known", true),
                new UpdateOptions().upsert(true));
        ReadModel.addToSet(model.territoryPathways(), ReadModel.bucketOf(territoryId, pathwayId), "pathwayIds",
                pathwayId);
        ReadModel.addToSet(model.participants(), participantId, "pathwayIds", pathwayId);
    }

    /**
     * Sets summary fields of a pathway in its chantier's roster: plain sets, idempotent by nature, so they are
     * written before the pathway's event marker, and replaying a participant's facts in order gives the same state.
     */
    private void roster(String chantierId, String pathwayId, Map<String, String> fields) {
        if (chantierId == null) {
            throw new RejectedEventException("pathway fact without chantierId in its envelope");
        }
        if (pathwayId.contains(".") || pathwayId.startsWith("$")) {
            throw new RejectedEventException("pathwayId '" + pathwayId + "' cannot name a field");
        }
        List<org.bson.conversions.Bson> sets = new ArrayList<>();
        fields.forEach((field, value) -> sets.add(Updates.set("pathways." + pathwayId + "." + field, value)));
        model.chantierRoster().updateOne(Filters.eq("_id", ReadModel.rosterBucketOf(chantierId, pathwayId)),
                Updates.combine(sets), new UpdateOptions().upsert(true));
    }

    private static String requireTerritory(EventEnvelope event) {
        if (event.territoryId() == null) {
            throw new RejectedEventException(event.type() + " without territoryId in its envelope");
        }
        return event.territoryId();
    }

    private void exitRecorded(EventEnvelope event) {
        PathwayExitRecordedV1 e = codec.payload(event, EnrolmentEvents.PATHWAY_EXIT_RECORDED);
        index(requireTerritory(event), e.participantId(), e.pathwayId());
        roster(event.chantierId(), e.pathwayId(), Map.of("participantId", e.participantId(),
                "program", e.program(), "exitDate", e.exitDate().toString()));
        ReadModel.applyOnce(model.pathways(), e.pathwayId(), event.eventId(), Updates.combine(
                Updates.set("participantId", e.participantId()),
                Updates.set("program", e.program()),
                Updates.set("territoryId", event.territoryId()),
                Updates.set("chantierId", event.chantierId()),
                Updates.set("exitDate", e.exitDate().toString()),
                Updates.set("exitCategory", e.exitCategory())));
    }
}
