package org.convergence.reporting.figures;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.IndexOptions;
import org.bson.Document;
import org.convergence.embedded.ConvergenceStack;
import org.convergence.platform.messaging.ConsumedEvent;
import org.convergence.platform.projection.Projection;
import org.convergence.platform.projection.ReadModel;
import org.convergence.reporting.History;
import org.convergence.reporting.projection.FigureCounters;
import org.convergence.reporting.projection.ReportingModel;
import org.convergence.reporting.projection.ReportingRuntime;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.Year;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Wave-6 review, findings 3 and 4 (docs/reviews/wave-6.md), fixed by ADR 0042; finding 3's compare-and-set is
 * used by reporting since ADR 0043 made it cheap on the embedded server. Finding 4: ADR 0034 makes a participant's
 * document and the counters' increments depend on facts of two topics (enrolment and accompaniment), while an increment is
 * skipped on redelivery by its own topic partition's offset watermark. A flush cut by a crash between the counters
 * and the participant's document, then delivered again in another interleaving of the two topics with a new fact in
 * between (Kafka orders a partition, not two topics), stored increments computed against two different histories of
 * the participant. The participant's document is now stored first, with the journal of the increments computed from
 * it, and the counters after it: both cuts are tried.
 */
class CrossTopicReplayAfterAFlushCutTest {

    private final MongoClient mongo = MongoClients.create(ConvergenceStack.mongoConnectionString());
    private final ReportingModel model = new ReportingModel(new ReadModel(mongo.getDatabase("reporting_review_test"),
            "r" + UUID.randomUUID().toString().substring(0, 8)));
    private final History history = new History();
    private History.Pathway pathway;
    private Projection projection;

    @AfterEach
    void drop() {
        model.drop();
        mongo.close();
    }

    /** Enrolled on 2019-03-04 with a housing barrier assessed on 2019-03-10, applied and stored. */
    private void enrolledWithAHousingBarrier() {
        history.territory("agz-west");
        history.chantier("agz-west", "agz-west-a", "CONVERGENCE", LocalDate.of(2016, 1, 1));
        pathway = history.pathway("agz-west", "agz-west-a", History.uuid(), "CONVERGENCE");
        pathway.enrolled(LocalDate.of(2019, 3, 4));
        pathway.assessed(LocalDate.of(2019, 3, 10), List.of("HOUSING"));
        projection = ReportingRuntime.projection(model, History.CODEC);
        assertEquals(Map.of(), projection.handleAll(History.consumed(history.envelopes())));
    }

    /** The review's cut: kill -9 while the participant's document is written (a unique index refuses it). */
    @Test
    void aBatchCutAtTheParticipantsDocumentAndDeliveredAgainInAnotherInterleavingOfTheTwoTopicsCountsEachFactOnce() {
        enrolledWithAHousingBarrier();
        // One poll: the exit (enrolment topic), then the barrier resolved before it (accompaniment topic).
        ConsumedEvent exit = History.consumed(pathway.exited(LocalDate.of(2020, 5, 4), "DURABLE_EMPLOYMENT"));
        ConsumedEvent resolved = History.consumed(pathway.housing(LocalDate.of(2020, 1, 10), "RESOLVED"));
        // A unique index, and a document already holding the participant's pathway as this batch files it, refuse
        // that one write.
        String path = "participants." + pathway.participantId + "." + pathway.pathwayId;
        model.participantPathways().createIndex(new Document(path, 1), new IndexOptions().unique(true).sparse(true));
        model.participantPathways().insertOne(new Document("_id", "blocker").append("participants",
                new Document(pathway.participantId, new Document(pathway.pathwayId, FigureCounters.file("agz-west",
                        pathway.participantId, "CONVERGENCE", "agz-west-a", "2019-03-04", "2020-05-04",
                        "DURABLE_EMPLOYMENT", null)))));
        assertThrows(RuntimeException.class, () -> projection.handleAll(List.of(exit, resolved)));
        model.participantPathways().deleteOne(new Document("_id", "blocker"));
        model.participantPathways().dropIndex(new Document(path, 1));

        deliveredAgainWithACorrectionBeforeTheAccompaniment(exit, resolved);
    }

    /**
     * kill -9 after the participant's document, before the counters (the cut the order of ADR 0042 leaves): the
     * participant's document holds the exit and the resolved barrier, the counters neither. Delivered again, those
     * two facts compute no change; their increments come back from the participant's journal at their positions.
     */
    @Test
    void aBatchCutBeforeTheCountersAndDeliveredAgainInAnotherInterleavingOfTheTwoTopicsCountsEachFactOnce() {
        enrolledWithAHousingBarrier();
        ConsumedEvent exit = History.consumed(pathway.exited(LocalDate.of(2020, 5, 4), "DURABLE_EMPLOYMENT"));
        ConsumedEvent resolved = History.consumed(pathway.housing(LocalDate.of(2020, 1, 10), "RESOLVED"));
        // Every counters document this batch writes gets its first 2020 housing exit: a unique index, and a document
        // already holding one, refuse the first of them (the bulk write is ordered, so none is stored).
        String housingExits = "2020.housingExits";
        model.figureCounters().createIndex(new Document(housingExits, 1), new IndexOptions().unique(true).sparse(true));
        model.figureCounters().insertOne(new Document("_id", "blocker").append("2020",
                new Document("housingExits", 1L)));
        assertThrows(RuntimeException.class, () -> projection.handleAll(List.of(exit, resolved)));
        assertEquals(null, model.figureCounters().find(new Document("_id", FigureCounters.NATION)).first()
                .get("2020"), "the cut stored no 2020 counter");
        model.figureCounters().deleteOne(new Document("_id", "blocker"));
        model.figureCounters().dropIndex(new Document(housingExits, 1));

        deliveredAgainWithACorrectionBeforeTheAccompaniment(exit, resolved);
    }

    /**
     * Finding 3: a consumer that read the participant, lost its partitions and stores after the new owner stored
     * later facts must not put the participant back as it read it: the exit would then count the housing barrier as
     * resolved when the new owner knows it was identified again. The participant's ledger is written under
     * compare-and-set of its version, so that store fails and the consumer reads again.
     */
    @Test
    void aConsumerThatLostItsPartitionsCannotPutTheParticipantBackOverTheNewOwnersLaterFacts() {
        enrolledWithAHousingBarrier();
        ConsumedEvent resolved = History.consumed(pathway.housing(LocalDate.of(2020, 1, 10), "RESOLVED"));
        ConsumedEvent lostAgain = History.consumed(pathway.housing(LocalDate.of(2020, 3, 2), "IDENTIFIED"));
        Projection.Applied zombie = projection.apply(List.of(resolved));
        assertEquals(Map.of(), projection.handleAll(List.of(resolved, lostAgain)), "the new owner");

        assertThrows(RuntimeException.class, zombie::store, "the participant moved since the zombie read it");

        ConsumedEvent exit = History.consumed(pathway.exited(LocalDate.of(2020, 5, 4), "DURABLE_EMPLOYMENT"));
        assertEquals(Map.of(), projection.handleAll(List.of(exit)));
        sameHousingAndExitsAsFromScratch();
    }

    /**
     * Restarted: the same records from the same offsets, but the enrolment partition's records, with a correction
     * published meanwhile, come before the accompaniment partition's. The figures must equal the from-scratch ones.
     */
    private void deliveredAgainWithACorrectionBeforeTheAccompaniment(ConsumedEvent exit, ConsumedEvent resolved) {
        ConsumedEvent corrected = History.consumed(pathway.exitCorrected(LocalDate.of(2019, 12, 1),
                "DURABLE_EMPLOYMENT"));
        assertEquals(Map.of(), projection.handleAll(List.of(exit, corrected, resolved)));
        sameHousingAndExitsAsFromScratch();
    }

    private void sameHousingAndExitsAsFromScratch() {
        FiguresService figures = new FiguresService(model);
        FiguresService fromScratch = figures.fromScratch();
        for (int year = 2019; year <= 2020; year++) {
            assertEquals(fromScratch.national(Year.of(year)).housingResolved(),
                    figures.national(Year.of(year)).housingResolved(), "housing resolved at exit, " + year);
            assertEquals(fromScratch.national(Year.of(year)).exits(), figures.national(Year.of(year)).exits(),
                    "exits, " + year);
        }
    }
}
