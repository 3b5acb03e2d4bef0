package org.convergence.platform.views;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.convergence.contracts.enrolment.ChantierProgramStartedV1;
import org.convergence.contracts.enrolment.ChantierRegisteredV1;
import org.convergence.contracts.enrolment.EnrolmentEvents;
import org.convergence.contracts.enrolment.ExitCorrectedV1;
import org.convergence.contracts.enrolment.ParticipantEnrolledV1;
import org.convergence.contracts.enrolment.PathwayExitRecordedV1;
import org.convergence.contracts.enrolment.PathwayPromotedV1;
import org.convergence.embedded.ConvergenceStack;
import org.convergence.platform.messaging.BatchEventHandler;
import org.convergence.platform.messaging.ConsumedEvent;
import org.convergence.platform.messaging.RejectedEventException;
import org.convergence.platform.messaging.RetryLaterException;
import org.convergence.platform.projection.ReadModel;
import org.convergence.platform.support.Facts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.convergence.platform.support.Facts.enrolmentFact;
import static org.convergence.platform.support.Facts.uuid;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A service's local view of enrolment's pathways and chantiers, fed as its consumer feeds it. */
class EnrolmentViewTest {

    private final MongoClient mongo = MongoClients.create(ConvergenceStack.mongoConnectionString());
    private final ReadModel model = new ReadModel(mongo.getDatabase("enrolment_view_test"),
            "v" + UUID.randomUUID().toString().substring(0, 8));
    private final EnrolmentView view = new EnrolmentView(model, Facts.CODEC);
    private final BatchEventHandler feed = view.consumer().handler();
    private final String participant = uuid();
    private final String pathway = uuid();

    @AfterEach
    void dropTheView() {
        model.drop();
        mongo.close();
    }

    @Test
    void itAnswersWhoWhereAndWhenOfAPathwayAndWhatAChantierCarries() {
        feed.handleAll(List.of(
                enrolmentFact(EnrolmentEvents.CHANTIER_REGISTERED, new ChantierRegisteredV1("fndsa", "lyon", "FNDSA",
                        List.of(new ChantierRegisteredV1.ProgramCarried("PREMIERES_HEURES", LocalDate.of(2018, 1, 1)))),
                        "lyon", "lyon", "fndsa"),
                enrolmentFact(EnrolmentEvents.CHANTIER_PROGRAM_STARTED, new ChantierProgramStartedV1("fndsa", "lyon",
                        "CONVERGENCE", LocalDate.of(2020, 1, 6)), "lyon", "lyon", "fndsa"),
                enrolled(pathway, "CONVERGENCE", "2020-02-03")));

        EnrolmentView.Pathway found = view.requirePathway(pathway);
        assertEquals(new EnrolmentView.Pathway(pathway, participant, "CONVERGENCE", "lyon", "fndsa",
                LocalDate.of(2020, 2, 3), null, false), found);
        assertTrue(found.isActiveOn(LocalDate.of(2020, 2, 3)));
        assertFalse(found.isActiveOn(LocalDate.of(2020, 2, 2)));
        EnrolmentView.Chantier chantier = view.requireChantier("fndsa");
        assertEquals("lyon", chantier.territoryId());
        assertTrue(chantier.carries("CONVERGENCE", LocalDate.of(2020, 1, 6)));
        assertFalse(chantier.carries("CONVERGENCE", LocalDate.of(2020, 1, 5)));
        assertTrue(chantier.carries("PREMIERES_HEURES", LocalDate.of(2020, 1, 5)));
        assertEquals(Map.of(pathway, found), view.pathways(List.of(pathway, uuid())));
    }

    @Test
    void aPathwayTheViewHasNotSeenMakesTheFactThatNeedsItWait() {
        String unknown = uuid();
        RetryLaterException waiting = assertThrows(RetryLaterException.class, () -> view.requirePathway(unknown));
        assertTrue(waiting.getMessage().contains(unknown));
        assertThrows(RetryLaterException.class, () -> view.requireChantier("nowhere"));

        // An exit read before its enrolment is kept, but the pathway is not known until the enrolment arrives.
        feed.handleAll(List.of(exit(pathway, "2021-03-31")));
        assertTrue(view.pathway(pathway).isEmpty());
        feed.handleAll(List.of(enrolled(pathway, "CONVERGENCE", "2020-02-03")));
        assertEquals(LocalDate.of(2021, 3, 31), view.requirePathway(pathway).endDate());
    }

    @Test
    void anOldExitDeliveredAgainAfterItsCorrectionDoesNotUndoIt() {
        ConsumedEvent exit = exit(pathway, "2020-05-31");
        feed.handleAll(List.of(enrolled(pathway, "CONVERGENCE", "2019-04-01"), exit,
                enrolmentFact(EnrolmentEvents.EXIT_CORRECTED, new ExitCorrectedV1(pathway, participant, "CONVERGENCE",
                        LocalDate.of(2021, 2, 1), "DURABLE_EMPLOYMENT", null), participant, "lyon", "fndsa")));

        feed.handleAll(List.of(Facts.again(exit.envelope())));

        assertEquals(LocalDate.of(2021, 2, 1), view.requirePathway(pathway).endDate());
    }

    @Test
    void aPromotionEndsThePremieresHeuresPathway() {
        String convergence = uuid();
        feed.handleAll(List.of(enrolled(pathway, "PREMIERES_HEURES", "2019-09-02"),
                enrolmentFact(EnrolmentEvents.PATHWAY_PROMOTED, new PathwayPromotedV1(pathway, participant,
                        convergence, LocalDate.of(2020, 3, 1)), participant, "lyon", "fndsa"),
                enrolled(convergence, "CONVERGENCE", "2020-03-02")));

        EnrolmentView.Pathway promoted = view.requirePathway(pathway);
        assertTrue(promoted.promoted());
        assertEquals(LocalDate.of(2020, 3, 1), promoted.endDate());
        assertTrue(view.requirePathway(convergence).isActiveOn(LocalDate.of(2026, 1, 1)));
    }

    @Test
    void aFactWhosePayloadNamesAnotherTerritoryThanItsEnvelopeIsRefused() {
        ConsumedEvent lying = enrolmentFact(EnrolmentEvents.PARTICIPANT_ENROLLED, new ParticipantEnrolledV1(pathway,
                participant, "CONVERGENCE", "paris", "fndsa", LocalDate.of(2020, 1, 6), null), participant, "lyon",
                "fndsa");

        Map<Integer, RuntimeException> rejected = feed.handleAll(List.of(lying));

        assertInstanceOf(RejectedEventException.class, rejected.get(0));
        assertTrue(view.pathway(pathway).isEmpty());
    }

    private ConsumedEvent enrolled(String pathwayId, String program, String entryDate) {
        return enrolmentFact(EnrolmentEvents.PARTICIPANT_ENROLLED, new ParticipantEnrolledV1(pathwayId, participant,
                program, "lyon", "fndsa", LocalDate.parse(entryDate), null), participant, "lyon", "fndsa");
    }

    private ConsumedEvent exit(String pathwayId, String exitDate) {
        return enrolmentFact(EnrolmentEvents.PATHWAY_EXIT_RECORDED, new PathwayExitRecordedV1(pathwayId, participant,
                "CONVERGENCE", LocalDate.parse(exitDate), "OTHER", null), participant, "lyon", "fndsa");
    }
}
