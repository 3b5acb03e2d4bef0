package org.convergence.reporting.projection;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.convergence.contracts.EventEnvelope;
import org.convergence.contracts.IntegrationEventType;
import org.convergence.contracts.IntegrationPayload;
import org.convergence.contracts.Topics;
import org.convergence.contracts.accompaniment.AccompanimentEvents;
import org.convergence.contracts.accompaniment.AssessmentRecordedV1;
import org.convergence.contracts.accompaniment.BarrierStatusChangedV1;
import org.convergence.contracts.accompaniment.HealthRightsOpenedV1;
import org.convergence.embedded.ConvergenceStack;
import org.convergence.platform.messaging.ConsumedEvent;
import org.convergence.platform.projection.Projection;
import org.convergence.platform.projection.ReadModel;
import org.convergence.reporting.History;
import org.convergence.reporting.dataquality.MissingAssessments;
import org.convergence.reporting.figures.AccompanimentRecords;
import org.convergence.reporting.figures.FiguresService;
import org.convergence.reporting.figures.NationalFigures;
import org.convergence.reporting.figures.Rate;
import org.convergence.reporting.figures.TerritoryFigures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Year;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The housing and health figures of DOMAIN.md over a small history, enrolment and accompaniment facts handed to
 * reporting's projection as its consumer would: each pathway below states why it counts or not.
 */
class AccompanimentFiguresTest {

    private static final String CV = "CONVERGENCE";
    private static final AtomicLong OFFSETS = new AtomicLong();

    private final MongoClient mongo = MongoClients.create(ConvergenceStack.mongoConnectionString());
    private final ReportingModel model = new ReportingModel(new ReadModel(mongo.getDatabase("reporting_projection_test"),
            "a" + UUID.randomUUID().toString().substring(0, 8)));
    private final Projection projection = ReportingRuntime.projection(model, History.CODEC);
    private final FiguresService figures = new FiguresService(model);
    private final History history = new History();
    private final List<ConsumedEvent> accompaniment = new ArrayList<>();
    private final String territory = "paris";
    private final String chantier = "emmaus-defi";

    @AfterEach
    void dropTheReadModel() {
        model.drop();
        mongo.close();
    }

    private static LocalDate d(String date) {
        return LocalDate.parse(date);
    }

    /** A Convergence pathway enrolled (and exited if {@code exit} is given) on enrolment's topic. */
    private History.Pathway pathway(String entry, String exit) {
        History.Pathway pathway = history.pathway(territory, chantier, History.uuid(), CV);
        pathway.enrolled(d(entry));
        if (exit != null) {
            pathway.exited(d(exit), "OTHER");
        }
        return pathway;
    }

    private ConsumedEvent assessed(History.Pathway p, String on, String... barriers) {
        return fact(p, AccompanimentEvents.ASSESSMENT_RECORDED, new AssessmentRecordedV1(p.pathwayId, p.participantId,
                p.program, d(on), "STREET", List.of(barriers)), on);
    }

    private ConsumedEvent housing(History.Pathway p, String status, String on) {
        return fact(p, AccompanimentEvents.BARRIER_STATUS_CHANGED, new BarrierStatusChangedV1(p.pathwayId,
                p.participantId, "HOUSING", status, d(on)), on);
    }

    private ConsumedEvent opened(History.Pathway p, String on) {
        return fact(p, AccompanimentEvents.HEALTH_RIGHTS_OPENED, new HealthRightsOpenedV1(p.pathwayId,
                p.participantId, "CSS", d(on)), on);
    }

    private <P extends IntegrationPayload> ConsumedEvent fact(History.Pathway p, IntegrationEventType<P> type,
                                                             P payload, String on) {
        EventEnvelope envelope = new EventEnvelope(UUID.randomUUID().toString(), type.name(), type.version(), d(on),
                Instant.now(), p.participantId, p.territoryId, p.chantierId, History.CODEC.toJson(payload));
        ConsumedEvent event = new ConsumedEvent(Topics.ACCOMPANIMENT, 0, OFFSETS.getAndIncrement(), envelope);
        accompaniment.add(event);
        return event;
    }

    private TerritoryFigures figures2020() {
        assertEquals(Map.of(), projection.handleAll(List.copyOf(history.consumed())));
        assertEquals(Map.of(), projection.handleAll(List.copyOf(accompaniment)));
        return figures.territory(territory, Year.of(2020)).orElseThrow();
    }

    @Test
    void housingResolvedCountsTheHousingBarrierAsItStoodOnTheExitDate() {
        history.territory(territory);
        history.chantier(territory, chantier, CV, d("2015-01-01"));
        // Counted, resolved before the exit.
        History.Pathway resolved = pathway("2018-03-05", "2020-06-30");
        assessed(resolved, "2018-03-20", "HOUSING", "HEALTH");
        housing(resolved, "IN_PROGRESS", "2019-01-07");
        housing(resolved, "RESOLVED", "2020-02-03");
        // Counted, in progress on the exit date (the change made that very day).
        History.Pathway inProgress = pathway("2019-01-07", "2020-09-30");
        assessed(inProgress, "2019-01-07", "HOUSING");
        housing(inProgress, "IN_PROGRESS", "2020-09-30");
        // In the denominator only: resolved, but after the exit (recorded late, dated after the exit).
        History.Pathway resolvedAfterExit = pathway("2019-01-07", "2020-05-29");
        assessed(resolvedAfterExit, "2019-01-10", "HOUSING");
        housing(resolvedAfterExit, "IN_PROGRESS", "2020-06-15");
        housing(resolvedAfterExit, "RESOLVED", "2020-09-01");
        // In the denominator only: went back to IDENTIFIED before the exit.
        History.Pathway backToIdentified = pathway("2019-01-07", "2020-11-30");
        assessed(backToIdentified, "2019-01-10", "HOUSING");
        housing(backToIdentified, "IN_PROGRESS", "2019-06-03");
        housing(backToIdentified, "IDENTIFIED", "2020-10-05");
        // Not in the denominator: no housing barrier at entry (one found later does not make it one at entry).
        History.Pathway noHousingAtEntry = pathway("2019-01-07", "2020-04-30");
        assessed(noHousingAtEntry, "2019-01-10", "MOBILITY");
        housing(noHousingAtEntry, "IDENTIFIED", "2019-02-04");
        housing(noHousingAtEntry, "IN_PROGRESS", "2019-03-04");
        // Not in the denominator: no assessment at all; and an exit of another year.
        pathway("2019-01-07", "2020-03-31");
        History.Pathway exitedIn2019 = pathway("2018-01-08", "2019-12-20");
        assessed(exitedIn2019, "2018-01-08", "HOUSING");
        housing(exitedIn2019, "IN_PROGRESS", "2019-06-03");

        TerritoryFigures figures = figures2020();

        assertEquals(6, figures.exits());
        assertEquals(Rate.of(2, 4), figures.housingResolved());
    }

    @Test
    void healthRightsOpenedCountsAccompaniedParticipantsWithAnOpeningFromTheirConvergenceStartToTheYearsEndOrExit() {
        history.territory(territory);
        history.chantier(territory, chantier, CV, d("2015-01-01"));
        // Counted: opened during the year.
        opened(pathway("2019-05-06", null), "2020-03-02");
        // Counted: opened in an earlier year, after the Convergence entry (the window starts at the entry).
        opened(pathway("2018-05-07", "2020-06-30"), "2019-02-04");
        // Not counted: opened before the Convergence entry (on the participant's Premières Heures pathway).
        History.Pathway convergence = pathway("2020-02-03", null);
        History.Pathway premieresHeures = history.pathway(territory, chantier, convergence.participantId,
                "PREMIERES_HEURES");
        premieresHeures.enrolled(d("2019-09-02"));
        opened(premieresHeures, "2019-11-04");
        // Not counted: opened after the exit, and opened after the end of the year.
        opened(pathway("2019-05-06", "2020-04-30"), "2020-05-04");
        opened(pathway("2019-05-06", null), "2021-01-04");
        // Not counted: nothing opened.
        pathway("2020-01-06", null);
        // Not accompanied in 2020 (left in 2019): neither numerator nor denominator, though rights were opened.
        opened(pathway("2018-05-07", "2019-06-28"), "2019-01-07");
        // At a chantier that joined Convergence in June 2020, employed since 2018: Convergence counts from June.
        history.chantier(territory, "armee-du-salut", CV, d("2020-06-01"));
        History.Pathway beforeJoining = history.pathway(territory, "armee-du-salut", History.uuid(), CV);
        beforeJoining.enrolled(d("2018-03-05"));
        opened(beforeJoining, "2020-03-02");                                // before the chantier joined: no
        History.Pathway afterJoining = history.pathway(territory, "armee-du-salut", History.uuid(), CV);
        afterJoining.enrolled(d("2018-03-05"));
        opened(afterJoining, "2020-06-01");                                 // on the day it joined: yes

        TerritoryFigures figures = figures2020();

        assertEquals(8, figures.accompanied());
        assertEquals(Rate.of(3, 8), figures.healthRightsOpened());
        NationalFigures nation = this.figures.national(Year.of(2020));
        assertEquals(Rate.of(3, 8), nation.healthRightsOpened());
    }

    @Test
    void aPathwayIsOnTheMissingAssessmentListFromTheDayAfterItsAssessmentWasDueUntilItIsAssessed() {
        history.territory(territory);
        history.chantier(territory, chantier, CV, d("2015-01-01"));
        History.Pathway dueYesterday = pathway("2020-01-06", null);        // due 2020-02-05, listed on the 6th
        History.Pathway dueToday = pathway("2020-01-07", null);            // due 2020-02-06: not yet
        History.Pathway assessed = pathway("2019-06-03", null);            // assessed: never listed
        assessed(assessed, "2019-06-10");
        History.Pathway assessedLate = pathway("2019-06-03", null);        // assessed late: off the list once known
        assessed(assessedLate, "2020-01-31", "HOUSING");
        pathway("2019-06-03", "2019-06-20");                               // ended before its due day
        History.Pathway endedLater = pathway("2019-06-03", "2019-09-30");  // ended after its due day: listed
        History.Pathway other = history.pathway(territory, chantier, History.uuid(), "PETITS_PAS");
        other.enrolled(d("2019-06-03"));                                   // a program without assessment
        figures2020();

        MissingAssessments.TerritoryList list = MissingAssessments.of(territory,
                figures.pathwaysOfTerritory(territory).orElseThrow(),
                new AccompanimentRecords(model).at(List.of(chantier)), d("2020-02-06"), 30,
                Set.of(CV, "PREMIERES_HEURES"));

        assertEquals(List.of(endedLater.pathwayId, dueYesterday.pathwayId),
                list.pathways().stream().map(MissingAssessments.Item::pathwayId).toList());
        assertEquals(2, list.count());
        assertEquals(Map.of(chantier, 2), list.countByChantier());
        assertEquals(d("2020-02-05"), list.pathways().get(1).dueOn());
    }

    @Test
    void anAccompanimentFactDeliveredTwiceCountsOnce() {
        history.territory(territory);
        history.chantier(territory, chantier, CV, d("2015-01-01"));
        History.Pathway p = pathway("2019-01-07", "2020-06-30");
        assessed(p, "2019-01-07", "HOUSING");
        ConsumedEvent inProgress = housing(p, "IN_PROGRESS", "2019-06-03");
        housing(p, "IDENTIFIED", "2020-01-06");
        accompaniment.add(new ConsumedEvent(Topics.ACCOMPANIMENT, 0, OFFSETS.getAndIncrement(),
                inProgress.envelope()));

        assertEquals(Rate.of(0, 1), figures2020().housingResolved());
    }
}
