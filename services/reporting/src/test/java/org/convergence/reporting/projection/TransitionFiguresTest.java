package org.convergence.reporting.projection;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.convergence.contracts.EventEnvelope;
import org.convergence.contracts.IntegrationEventType;
import org.convergence.contracts.IntegrationPayload;
import org.convergence.contracts.Topics;
import org.convergence.contracts.transitions.TransitionAbandonedV1;
import org.convergence.contracts.transitions.TransitionCompletedV1;
import org.convergence.contracts.transitions.TransitionEvents;
import org.convergence.contracts.transitions.TransitionInterruptedV1;
import org.convergence.contracts.transitions.TransitionMeetingHeldV1;
import org.convergence.contracts.transitions.TransitionStartedV1;
import org.convergence.contracts.transitions.TransitionSteppedV1;
import org.convergence.embedded.ConvergenceStack;
import org.convergence.platform.messaging.ConsumedEvent;
import org.convergence.platform.projection.Projection;
import org.convergence.platform.projection.ReadModel;
import org.convergence.reporting.History;
import org.convergence.reporting.figures.FiguresService;
import org.convergence.reporting.figures.Mean;
import org.convergence.reporting.figures.NationalFigures;
import org.convergence.reporting.figures.TransitionFigures;
import org.convergence.reporting.figures.TransitionYear.MeetingAlert;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Year;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The employer transitions figures and the meeting alert list (issue 10, item 6) over a small history, enrolment and
 * transition facts handed to reporting's projection as its consumer would: each transition below states why it
 * counts or not.
 */
class TransitionFiguresTest {

    private static final AtomicLong OFFSETS = new AtomicLong();

    private final MongoClient mongo = MongoClients.create(ConvergenceStack.mongoConnectionString());
    private final ReportingModel model = new ReportingModel(new ReadModel(mongo.getDatabase("reporting_projection_test"),
            "t" + UUID.randomUUID().toString().substring(0, 8)));
    private final Projection projection = ReportingRuntime.projection(model, History.CODEC);
    private final FiguresService figures = new FiguresService(model);
    private final History history = new History();
    private final List<ConsumedEvent> transitions = new ArrayList<>();

    @BeforeEach
    void parisAndLyon() {
        history.territory("paris");
        history.chantier("paris", "emmaus-defi", "CONVERGENCE", d("2015-01-01"));
        history.territory("lyon");
        history.chantier("lyon", "fndsa", "CONVERGENCE", d("2015-01-01"));
    }

    @AfterEach
    void dropTheReadModel() {
        model.drop();
        mongo.close();
    }

    @Test
    void eachTransitionCountsInTheYearOfItsStartAndInTheYearOfItsOutcome() {
        Transition completed = started("paris", "emmaus-defi", "2020-01-06", 8);
        completed.stepped("2020-04-06", 20).stepped("2020-09-07", 35).completed("2020-10-01");
        Transition interrupted = started("paris", "emmaus-defi", "2020-03-02", 8);
        interrupted.stepped("2020-06-01", 14).interrupted("2020-07-15");
        Transition abandonedNextYear = started("paris", "emmaus-defi", "2020-11-02", 8);
        abandonedNextYear.abandoned("2021-01-11");
        Transition startedNextYear = started("paris", "emmaus-defi", "2021-02-01", 8);
        startedNextYear.stepped("2021-05-03", 20);

        TransitionFigures in2020 = territory("paris", 2020);
        assertEquals(3, in2020.started());
        assertEquals(1, in2020.completed());
        assertEquals(1, in2020.interrupted());
        assertEquals(0, in2020.abandoned(), "abandoned in 2021");
        // Reached by the year's end or the transition's: 35, 14 and 8 over the three transitions running in 2020.
        assertEquals(Mean.of(57, 3), in2020.storeHoursReached());

        TransitionFigures in2021 = territory("paris", 2021);
        assertEquals(1, in2021.started());
        assertEquals(0, in2021.completed());
        assertEquals(1, in2021.abandoned());
        // Running in 2021: the abandoned one (8, until January) and the one started in February (20).
        assertEquals(Mean.of(28, 2), in2021.storeHoursReached());
    }

    @Test
    void theNationCountsEveryTerritorysTransitionsAndEachTerritoryOnlyItsOwn() {
        started("paris", "emmaus-defi", "2020-01-06", 8).completed("2020-12-01");
        started("lyon", "fndsa", "2020-02-03", 8).interrupted("2020-05-04");
        started("lyon", "fndsa", "2020-06-01", 10);

        NationalFigures nation = national(2020);
        assertEquals(3, nation.transitions().started());
        assertEquals(1, nation.transitions().completed());
        assertEquals(1, nation.transitions().interrupted());
        Map<String, TransitionFigures> byTerritory = new java.util.HashMap<>();
        nation.territories().forEach(t -> byTerritory.put(t.territoryId(), t.transitions()));
        assertEquals(1, byTerritory.get("paris").started());
        assertEquals(2, byTerritory.get("lyon").started());
        assertEquals(0, byTerritory.get("lyon").completed());
        assertEquals(2, figures.chantier("fndsa", Year.of(2020)).orElseThrow().figures().transitions().started());
    }

    @Test
    void aTransitionWithoutAMeetingForMoreThanFourWeeksIsOnTheAlertListUntilAMeetingOrItsEnd() {
        Transition metFourWeeksAgo = started("paris", "emmaus-defi", "2020-01-06", 8);
        metFourWeeksAgo.meeting("2020-02-03");
        Transition metFourWeeksAndADayAgo = started("paris", "emmaus-defi", "2020-01-06", 8);
        metFourWeeksAndADayAgo.meeting("2020-02-02");
        Transition neverMet = started("paris", "emmaus-defi", "2020-01-06", 8);
        Transition ended = started("paris", "emmaus-defi", "2020-01-06", 8);
        ended.interrupted("2020-02-20");
        Transition metLater = started("paris", "emmaus-defi", "2020-01-06", 8);
        metLater.meeting("2020-03-09"); // after the day looked at: does not count yet

        List<MeetingAlert> onMarch2 = alerts("2020-03-02");

        // Oldest due first: the two counted from their start (due 3 February), then the one met on 2 February.
        assertEquals(java.util.Set.of(neverMet.id, metLater.id), java.util.Set.of(onMarch2.get(0).transitionId(),
                onMarch2.get(1).transitionId()));
        assertEquals(metFourWeeksAndADayAgo.id, onMarch2.get(2).transitionId());
        assertEquals(3, onMarch2.size());
        MeetingAlert never = onMarch2.stream().filter(a -> a.transitionId().equals(neverMet.id)).findFirst()
                .orElseThrow();
        assertEquals(null, never.lastMeetingOn());
        assertEquals(d("2020-02-03"), never.dueOn());
        assertEquals(8, never.weeksWithoutMeeting());
        assertEquals(d("2020-02-02"), onMarch2.get(2).lastMeetingOn());
        // A week later the meeting of 9 March took it off; the others are still due.
        assertEquals(List.of(neverMet.id, metFourWeeksAndADayAgo.id, metFourWeeksAgo.id),
                alerts("2020-03-10").stream().map(MeetingAlert::transitionId).toList());
        // The year's figure counts the list of its last day: everything still running and never met since.
        assertEquals(4, territory("paris", 2020).meetingAlerts());
    }

    @Test
    void theAlertWeeksAreConfigured() {
        Transition metThreeWeeksAgo = started("paris", "emmaus-defi", "2020-01-06", 8);
        metThreeWeeksAgo.meeting("2020-02-10");
        handled();

        assertEquals(List.of(), new FiguresService(model).transitionYear().alerts(
                figures.transitionsAt(List.of("emmaus-defi")), d("2020-03-02")));
        assertEquals(1, new FiguresService(model, 2).transitionYear().alerts(
                figures.transitionsAt(List.of("emmaus-defi")), d("2020-03-02")).size());
    }

    @Test
    void aFactHandledTwiceChangesNoFigure() {
        Transition transition = started("paris", "emmaus-defi", "2020-01-06", 8);
        transition.stepped("2020-04-06", 20).meeting("2020-02-03").completed("2020-10-01");
        TransitionFigures once = territory("paris", 2020);

        assertEquals(Map.of(), projection.handleAll(List.copyOf(transitions)));
        TransitionFigures twice = figures.territory("paris", Year.of(2020)).orElseThrow().transitions();

        assertEquals(once, twice);
        assertEquals(1, figures.transitionsAt(List.of("emmaus-defi")).get(0).meetings().size());
        assertEquals(2, figures.transitionsAt(List.of("emmaus-defi")).get(0).schedules().size());
    }

    private TransitionFigures territory(String territoryId, int year) {
        handled();
        return figures.territory(territoryId, Year.of(year)).orElseThrow().transitions();
    }

    private NationalFigures national(int year) {
        handled();
        return figures.national(Year.of(year));
    }

    private List<MeetingAlert> alerts(String day) {
        handled();
        return figures.transitionYear().alerts(figures.transitionsAt(List.of("emmaus-defi")), d(day));
    }

    private boolean handledOnce;

    private void handled() {
        if (!handledOnce) {
            assertEquals(Map.of(), projection.handleAll(List.copyOf(history.consumed())));
            assertEquals(Map.of(), projection.handleAll(List.copyOf(transitions)));
            handledOnce = true;
        }
    }

    private Transition started(String territoryId, String chantierId, String on, int storeHours) {
        History.Pathway pathway = history.pathway(territoryId, chantierId, History.uuid(), "CONVERGENCE");
        pathway.enrolled(d("2019-01-07"));
        Transition transition = new Transition(pathway);
        transition.fact(TransitionEvents.TRANSITION_STARTED, new TransitionStartedV1(transition.id, pathway.pathwayId,
                pathway.participantId, "franprix", "franprix-" + chantierId, d(on), storeHours, 35 - storeHours), on);
        return transition;
    }

    private final class Transition {
        final String id = UUID.randomUUID().toString();
        final History.Pathway pathway;

        Transition(History.Pathway pathway) {
            this.pathway = pathway;
        }

        Transition stepped(String on, int storeHours) {
            fact(TransitionEvents.TRANSITION_STEPPED, new TransitionSteppedV1(id, pathway.pathwayId,
                    pathway.participantId, d(on), storeHours, 35 - storeHours), on);
            return this;
        }

        Transition meeting(String on) {
            fact(TransitionEvents.TRANSITION_MEETING_HELD, new TransitionMeetingHeldV1(id, pathway.pathwayId, d(on)),
                    on);
            return this;
        }

        void completed(String on) {
            fact(TransitionEvents.TRANSITION_COMPLETED, new TransitionCompletedV1(id, pathway.pathwayId,
                    pathway.participantId, "franprix", "franprix-" + pathway.chantierId, d(on)), on);
        }

        void interrupted(String on) {
            fact(TransitionEvents.TRANSITION_INTERRUPTED, new TransitionInterruptedV1(id, pathway.pathwayId, d(on)),
                    on);
        }

        void abandoned(String on) {
            fact(TransitionEvents.TRANSITION_ABANDONED, new TransitionAbandonedV1(id, pathway.pathwayId, d(on)), on);
        }

        <P extends IntegrationPayload> void fact(IntegrationEventType<P> type, P payload, String on) {
            EventEnvelope envelope = new EventEnvelope(UUID.randomUUID().toString(), type.name(), type.version(),
                    d(on), Instant.now(), pathway.pathwayId, pathway.territoryId, pathway.chantierId,
                    History.CODEC.toJson(payload));
            transitions.add(new ConsumedEvent(Topics.TRANSITIONS, 0, OFFSETS.getAndIncrement(), envelope));
        }
    }

    private static LocalDate d(String date) {
        return LocalDate.parse(date);
    }
}
