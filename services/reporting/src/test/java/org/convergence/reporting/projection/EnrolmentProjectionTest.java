package org.convergence.reporting.projection;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.convergence.contracts.EventEnvelope;
import org.convergence.contracts.enrolment.EnrolmentEvents;
import org.convergence.contracts.enrolment.ParticipantEnrolledV1;
import org.convergence.embedded.ConvergenceStack;
import org.convergence.platform.messaging.ConsumedEvent;
import org.convergence.platform.messaging.RejectedEventException;
import org.convergence.platform.projection.Projection;
import org.convergence.platform.projection.ReadModel;
import org.convergence.reporting.History;
import org.convergence.reporting.TestPrograms;
import org.convergence.reporting.figures.FiguresService;
import org.convergence.reporting.figures.PathwayRecord;
import org.convergence.reporting.figures.TerritoryFigures;
import org.convergence.reporting.search.ParticipantPage;
import org.convergence.reporting.search.ParticipantSearch;
import org.convergence.reporting.search.PathwayStatus;
import org.convergence.reporting.territories.Deployments;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Year;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.convergence.reporting.History.consumed;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Enrolment facts handed straight to reporting's projection, batch by batch: what it stores, and what it refuses. */
class EnrolmentProjectionTest {

    private static final String CV = "CONVERGENCE";

    private final MongoClient mongo = MongoClients.create(ConvergenceStack.mongoConnectionString());
    private final ReportingModel model = new ReportingModel(new ReadModel(mongo.getDatabase("reporting_projection_test"),
            "p" + UUID.randomUUID().toString().substring(0, 8)));
    private final Projection projection = ReportingRuntime.projection(model, History.CODEC);
    private final FiguresService figures = new FiguresService(model);
    private final History history = new History();
    private final String territory = "lyon";
    private final String chantier = "fndsa";

    @AfterEach
    void dropTheReadModel() {
        model.drop();
        mongo.close();
    }

    private Map<Integer, RuntimeException> apply(EventEnvelope... envelopes) {
        return projection.handleAll(consumed(List.of(envelopes)));
    }

    @Test
    void aPathwaysFactsInOneBatchAreAllAppliedAndARepeatedOneOnce() {
        History.Pathway pathway = history.pathway(territory, chantier, History.uuid(), CV);
        EventEnvelope enrolled = pathway.enrolled(LocalDate.of(2019, 4, 1));
        EventEnvelope exited = pathway.exited(LocalDate.of(2020, 5, 31), "OTHER");

        assertEquals(Map.of(), apply(history.territory(territory), enrolled, exited, enrolled));

        PathwayRecord stored = only(figures.pathwaysOfTerritory(territory).orElseThrow());
        assertEquals(LocalDate.of(2019, 4, 1), stored.entryDate());
        assertEquals(LocalDate.of(2020, 5, 31), stored.exitDate());
        assertEquals(pathway.participantId, stored.participantId());
    }

    @Test
    void aBatchIsStoredWithFewerWritesThanItHasFacts() {
        List<EventEnvelope> batch = new ArrayList<>(List.of(history.territory(territory),
                history.chantier(territory, chantier, CV, LocalDate.of(2016, 1, 1))));
        for (int i = 0; i < 20; i++) {
            History.Pathway pathway = history.pathway(territory, chantier, History.uuid(), CV);
            batch.add(pathway.enrolled(LocalDate.of(2019, 1, 7).plusDays(i)));
            batch.add(pathway.exited(LocalDate.of(2020, 6, 30), "DURABLE_EMPLOYMENT"));
            batch.add(pathway.checkIn(LocalDate.of(2020, 7, 30), 1));
            batch.add(pathway.checkIn(LocalDate.of(2020, 12, 30), 6));
        }

        projection.handleAll(consumed(batch));

        // 82 facts; at most one write per roster bucket (16), the territory, the chantier, each per-territory-
        // year aggregate document of the periods the pathways were filed under (open, 2018 to 2020: 4 x 8), each
        // participant's pathways (20 people), the chantier's participant list and the figure counters of the
        // territory and the nation (2).
        assertTrue(projection.documentsWritten() <= 18 + 4 * 8 + 20 + 1 + 2, projection.documentsWritten() + " writes");
        assertTrue(projection.documentsWritten() < batch.size(), projection.documentsWritten() + " writes");
        assertEquals(20, figures.territory(territory, Year.of(2020)).orElseThrow().exits());
    }

    @Test
    void aRefusedFactInTheMiddleOfABatchLeavesNothingWhileItsNeighboursApply() {
        History.Pathway first = history.pathway(territory, chantier, History.uuid(), CV);
        History.Pathway third = history.pathway(territory, chantier, History.uuid(), CV);
        String participant = History.uuid();
        // Its payload names another territory than its envelope: not trusted.
        EventEnvelope lying = new EventEnvelope(History.uuid(), EnrolmentEvents.PARTICIPANT_ENROLLED.name(), 1,
                LocalDate.of(2020, 1, 6), Instant.now(), participant, territory, chantier,
                History.CODEC.toJson(new ParticipantEnrolledV1(History.uuid(), participant, CV, "paris", chantier,
                        LocalDate.of(2020, 1, 6), null)));

        Map<Integer, RuntimeException> rejected = apply(first.enrolled(LocalDate.of(2019, 4, 1)), lying,
                third.enrolled(LocalDate.of(2020, 1, 6)));

        assertEquals(List.of(1), List.copyOf(rejected.keySet()));
        assertInstanceOf(RejectedEventException.class, rejected.get(1));
        assertEquals(List.of(first.pathwayId, third.pathwayId).stream().sorted().toList(),
                figures.pathwaysOfTerritory(territory).orElseThrow().stream().map(PathwayRecord::pathwayId).sorted()
                        .toList());
    }

    @Test
    void anIdThatCannotBeAKeyIsRefused() {
        String participant = History.uuid();
        EventEnvelope dollar = new EventEnvelope(History.uuid(), EnrolmentEvents.PARTICIPANT_ENROLLED.name(), 1,
                LocalDate.of(2020, 1, 6), Instant.now(), participant, "$set", chantier,
                History.CODEC.toJson(new ParticipantEnrolledV1(History.uuid(), participant, CV, "$set", chantier,
                        LocalDate.of(2020, 1, 6), null)));

        Map<Integer, RuntimeException> rejected = apply(dollar);

        assertInstanceOf(RejectedEventException.class, rejected.get(0));
        assertTrue(model.territories().countDocuments() == 0 && model.chantierRoster().countDocuments() == 0);
    }

    @Test
    void aBatchDeliveredAgainAfterACrashChangesNothing() {
        History.Pathway a = history.pathway(territory, chantier, History.uuid(), CV);
        History.Pathway b = history.pathway(territory, chantier, History.uuid(), CV);
        List<ConsumedEvent> batch = consumed(List.of(history.territory(territory), a.enrolled(LocalDate.of(2019, 4, 1)),
                a.exited(LocalDate.of(2020, 5, 31), "OTHER"), b.enrolled(LocalDate.of(2020, 2, 3))));
        projection.handleAll(batch);
        List<PathwayRecord> before = figures.pathwaysOfTerritory(territory).orElseThrow();

        projection.handleAll(batch);

        assertEquals(before, figures.pathwaysOfTerritory(territory).orElseThrow());
    }

    /** Issue 7, item 10: a redelivered event whose double application would change a figure. */
    @Test
    void anExitDeliveredAgainIsCountedOnceAndAnOldOneCannotUndoItsCorrection() {
        History.Pathway pathway = history.pathway(territory, chantier, History.uuid(), CV);
        EventEnvelope exit = pathway.exited(LocalDate.of(2020, 5, 31), "OTHER");
        apply(history.territory(territory), history.chantier(territory, chantier, CV, LocalDate.of(2016, 1, 1)),
                pathway.enrolled(LocalDate.of(2019, 4, 1)), exit);
        apply(exit);
        apply(exit, exit);
        TerritoryFigures once = figures.territory(territory, Year.of(2020)).orElseThrow();
        assertEquals(1, once.exits());
        assertEquals(1, once.dynamicExits().denominator());

        apply(pathway.exitCorrected(LocalDate.of(2021, 2, 1), "DURABLE_EMPLOYMENT"));
        apply(exit);

        assertEquals(0, figures.territory(territory, Year.of(2020)).orElseThrow().exits());
        TerritoryFigures y2021 = figures.territory(territory, Year.of(2021)).orElseThrow();
        assertEquals(1, y2021.exits());
        assertEquals(1, y2021.dynamicExits().numerator(), "the corrected category stays");
    }

    /** Issue 7, item 11 (d): markers honoured for territory documents. */
    @Test
    void anOldCoordinationDesignationDeliveredAgainAfterANewerOneDoesNotUndoIt() {
        EventEnvelope first = history.coordination(territory, "FNDSA", LocalDate.of(2019, 9, 1));
        apply(history.territory(territory), first);
        apply(history.coordination(territory, "Armée du Salut", LocalDate.of(2021, 1, 4)));

        apply(first);

        assertEquals("Armée du Salut", new Deployments(model).asOf(LocalDate.of(2022, 1, 1)).territories().stream()
                .filter(t -> t.territoryId().equals(territory)).findFirst().orElseThrow().coordinationStructure());
    }

    /** Issue 7, item 11 (d): markers honoured for chantier documents. */
    @Test
    void anOldProgramStartDeliveredAgainAfterANewerOneDoesNotUndoIt() {
        EventEnvelope late = history.programStarted(territory, chantier, CV, LocalDate.of(2020, 6, 1));
        History.Pathway pathway = history.pathway(territory, chantier, History.uuid(), CV);
        apply(history.territory(territory), history.chantier(territory, chantier, "PREMIERES_HEURES",
                LocalDate.of(2018, 1, 1)), late, pathway.enrolled(LocalDate.of(2019, 3, 1)),
                pathway.exited(LocalDate.of(2020, 3, 31), "OTHER"));
        assertEquals(0, figures.territory(territory, Year.of(2020)).orElseThrow().exits(),
                "the exit falls before the chantier carried Convergence");
        // The start was in fact earlier: a newer fact says so.
        apply(history.programStarted(territory, chantier, CV, LocalDate.of(2020, 1, 6)));
        assertEquals(1, figures.territory(territory, Year.of(2020)).orElseThrow().exits());

        apply(late);

        assertEquals(1, figures.territory(territory, Year.of(2020)).orElseThrow().exits());
    }

    /** Issue 7, item 11 (d): markers honoured for the pathway and the search after an exit correction. */
    @Test
    void anOldExitDeliveredAgainAfterItsCorrectionChangesNeitherThePathwayNorTheSearch() {
        History.Pathway pathway = history.pathway(territory, chantier, History.uuid(), CV);
        EventEnvelope exit = pathway.exited(LocalDate.of(2020, 5, 31), "OTHER");
        apply(history.territory(territory), history.chantier(territory, chantier, CV, LocalDate.of(2016, 1, 1)),
                pathway.enrolled(LocalDate.of(2019, 4, 1)), exit,
                pathway.exitCorrected(LocalDate.of(2021, 8, 31), "DURABLE_EMPLOYMENT"));

        apply(exit);

        PathwayRecord stored = only(figures.pathwaysOfTerritory(territory).orElseThrow());
        assertEquals(LocalDate.of(2021, 8, 31), stored.exitDate());
        assertEquals("DURABLE_EMPLOYMENT", stored.exitCategory());
        ParticipantPage page = new ParticipantSearch(model, TestPrograms.catalog()).search(List.of(chantier),
                new ParticipantSearch.Criteria(null, null, LocalDate.of(2021, 6, 30)), 0, 10);
        ParticipantPage.Pathway found = page.items().get(0).pathways().get(0);
        assertEquals(PathwayStatus.ACTIVE, found.status(), "still running on 2021-06-30 as corrected");
        assertEquals(LocalDate.of(2021, 8, 31), found.exitDate());
    }

    @Test
    void factsOfAParticipantMayArriveInAnyOrder() {
        History.Pathway pathway = history.pathway(territory, chantier, History.uuid(), CV);
        EventEnvelope enrolled = pathway.enrolled(LocalDate.of(2019, 4, 1));
        apply(history.territory(territory), pathway.exited(LocalDate.of(2020, 5, 31), "OTHER"));
        apply(enrolled);

        TerritoryFigures y2020 = figures.territory(territory, Year.of(2020)).orElseThrow();
        assertEquals(1, y2020.accompanied());
        assertEquals(1, y2020.exits());
    }

    private static PathwayRecord only(List<PathwayRecord> pathways) {
        assertEquals(1, pathways.size(), pathways.toString());
        return pathways.get(0);
    }
}
