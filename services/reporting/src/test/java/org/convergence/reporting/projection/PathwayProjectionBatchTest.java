package org.convergence.reporting.projection;

import org.convergence.testsupport.TestEnvelopes;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import org.bson.Document;
import org.convergence.contracts.EventEnvelope;
import org.convergence.contracts.IntegrationEventCodec;
import org.convergence.contracts.IntegrationEventType;
import org.convergence.contracts.IntegrationEvents;
import org.convergence.contracts.IntegrationPayload;
import org.convergence.contracts.enrolment.EnrolmentEvents;
import org.convergence.contracts.enrolment.ExitCorrectedV1;
import org.convergence.contracts.enrolment.ParticipantEnrolledV1;
import org.convergence.contracts.enrolment.PathwayExitRecordedV1;
import org.convergence.embedded.ConvergenceStack;
import org.convergence.platform.messaging.RejectedEventException;
import org.convergence.reporting.figures.FiguresService;
import org.convergence.reporting.figures.PathwayRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Batches handed straight to the projection: what one batch stores, and what it leaves out. */
class PathwayProjectionBatchTest {

    private final IntegrationEventCodec codec = new IntegrationEventCodec(IntegrationEvents.all());
    private final MongoClient mongo = MongoClients.create(ConvergenceStack.mongoConnectionString());
    private final ReadModel model = new ReadModel(mongo.getDatabase("reporting_batch_test"),
            "b" + UUID.randomUUID().toString().substring(0, 8));
    private final PathwayProjection projection = new PathwayProjection(model, codec);

    @AfterEach
    void dropTheReadModel() {
        model.drop();
        mongo.close();
    }

    @Test
    void aPathwaysFactsInOneBatchAreAllAppliedAndARepeatedOneOnce() {
        EventEnvelope enrolled = enrolled("pw-1", "p-1", "2019-04-01");
        EventEnvelope exited = exited("pw-1", "p-1", "2020-05-31", "lyon");

        Map<Integer, RuntimeException> rejected = projection.handleAll(List.of(enrolled, exited, enrolled));

        assertEquals(Map.of(), rejected);
        Document pathway = model.pathways().find(Filters.eq("_id", "pw-1")).first();
        assertEquals("2019-04-01", pathway.getString("entryDate"));
        assertEquals("2020-05-31", pathway.getString("exitDate"));
        assertEquals(List.of(enrolled.eventId(), exited.eventId()), pathway.getList(ReadModel.APPLIED, String.class));
        assertEquals(List.of("pw-1"), pathwaysOfTerritory());
    }

    @Test
    void aRejectedEventInTheMiddleOfABatchLeavesNothingWhileItsNeighboursApply() {
        // Refused: its envelope names no chantier for the roster.
        EventEnvelope withoutChantier = envelope(EnrolmentEvents.PATHWAY_EXIT_RECORDED, new PathwayExitRecordedV1(
                "pw-2", "p-2", "CONVERGENCE", LocalDate.of(2020, 5, 31), "OTHER", null), "p-2", "lyon", null);

        Map<Integer, RuntimeException> rejected = projection.handleAll(List.of(
                enrolled("pw-1", "p-1", "2019-04-01"), withoutChantier, enrolled("pw-3", "p-3", "2020-01-06")));

        assertEquals(List.of(1), List.copyOf(rejected.keySet()));
        assertInstanceOf(RejectedEventException.class, rejected.get(1));
        assertNull(model.pathways().find(Filters.eq("_id", "pw-2")).first(), "no effect of the rejected event");
        assertEquals(List.of("pw-1", "pw-3"), rosterEntries(), "not even its index writes");
        assertEquals(List.of("pw-1", "pw-3"), pathwaysOfTerritory());
    }

    @Test
    void aBatchDeliveredAgainAfterACrashChangesNothing() {
        List<EventEnvelope> batch = List.of(enrolled("pw-1", "p-1", "2019-04-01"),
                exited("pw-1", "p-1", "2020-05-31", "lyon"), enrolled("pw-2", "p-2", "2020-02-03"));
        projection.handleAll(batch);
        List<PathwayRecord> before = new FiguresService(model).pathwaysOfTerritory("lyon").orElseThrow();

        projection.handleAll(batch);

        assertEquals(before, new FiguresService(model).pathwaysOfTerritory("lyon").orElseThrow());
        assertEquals(2, model.pathways().find(Filters.eq("_id", "pw-1")).first()
                .getList(ReadModel.APPLIED, String.class).size());
    }

    @Test
    void anOldFactDeliveredAgainOnItsOwnDoesNotUndoALaterCorrection() {
        EventEnvelope exit = exited("pw-1", "p-1", "2020-05-31", "lyon");
        EventEnvelope corrected = envelope(EnrolmentEvents.EXIT_CORRECTED, new ExitCorrectedV1("pw-1", "p-1",
                "CONVERGENCE", LocalDate.of(2020, 7, 31), "DURABLE_EMPLOYMENT", null), "p-1", "lyon", "fndsa");
        projection.handleAll(List.of(enrolled("pw-1", "p-1", "2019-04-01"), exit, corrected));

        projection.handleAll(List.of(exit));

        PathwayRecord pathway = new FiguresService(model).pathwaysOfTerritory("lyon").orElseThrow().get(0);
        assertEquals(LocalDate.of(2020, 7, 31), pathway.exitDate());
        assertEquals("DURABLE_EMPLOYMENT", pathway.exitCategory());
    }

    @Test
    void writesStagedForARefusedEventAreNeverStored() {
        WriteBatch batch = new WriteBatch(model);
        batch.upsert(model.chantierRoster(), "fndsa#0", com.mongodb.client.model.Updates.set("pathways.kept.program", "CONVERGENCE"));
        batch.keepStaged();
        batch.upsert(model.chantierRoster(), "fndsa#0", com.mongodb.client.model.Updates.set("pathways.dropped.program", "CONVERGENCE"));
        batch.applyOnce(model.pathways(), "dropped", "e-1", com.mongodb.client.model.Updates.set("program", "CONVERGENCE"));
        batch.dropStaged();
        batch.flush();

        Document bucket = model.chantierRoster().find(Filters.eq("_id", "fndsa#0")).first();
        assertEquals(java.util.Set.of("kept"), bucket.get("pathways", Document.class).keySet());
        assertNull(model.pathways().find(Filters.eq("_id", "dropped")).first());
    }

    private List<String> rosterEntries() {
        List<String> ids = new java.util.ArrayList<>();
        for (Document bucket : model.chantierRoster().find()) {
            ids.addAll(bucket.get("pathways", Document.class).keySet());
        }
        return ids.stream().sorted().toList();
    }

    private List<String> pathwaysOfTerritory() {
        return new FiguresService(model).pathwaysOfTerritory("lyon").orElseThrow().stream()
                .map(PathwayRecord::pathwayId).sorted().toList();
    }

    private EventEnvelope enrolled(String pathwayId, String participantId, String entryDate) {
        return envelope(EnrolmentEvents.PARTICIPANT_ENROLLED, new ParticipantEnrolledV1(pathwayId, participantId,
                "CONVERGENCE", "lyon", "fndsa", LocalDate.parse(entryDate), null), participantId, "lyon", "fndsa");
    }

    private EventEnvelope exited(String pathwayId, String participantId, String exitDate, String territoryId) {
        return envelope(EnrolmentEvents.PATHWAY_EXIT_RECORDED, new PathwayExitRecordedV1(pathwayId, participantId,
                "CONVERGENCE", LocalDate.parse(exitDate), "OTHER", null), participantId, territoryId, "fndsa");
    }

    private <P extends IntegrationPayload> EventEnvelope envelope(IntegrationEventType<P> type, P payload, String key,
                                                                 String territoryId, String chantierId) {
        return TestEnvelopes.envelope(type, payload, LocalDate.of(2020, 1, 1), key, territoryId, chantierId);
    }
}
