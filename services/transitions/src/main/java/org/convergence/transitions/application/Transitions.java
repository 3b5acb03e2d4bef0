package org.convergence.transitions.application;

import jakarta.enterprise.context.ApplicationScoped;
import org.convergence.platform.axon.Commands;
import org.convergence.platform.config.PlatformConfig;
import org.convergence.platform.domain.RuleViolationException;
import org.convergence.platform.time.BusinessDates;
import org.convergence.platform.views.EnrolmentView;
import org.convergence.transitions.domain.Outcome;
import org.convergence.transitions.domain.PathwayFacts;
import org.convergence.transitions.domain.Transition;
import org.convergence.transitions.domain.TransitionHistory;
import org.convergence.transitions.domain.TransitionMessages.CompleteTransitionCommand;
import org.convergence.transitions.domain.TransitionMessages.EndTransitionCommand;
import org.convergence.transitions.domain.TransitionMessages.HoldMeetingCommand;
import org.convergence.transitions.domain.TransitionMessages.StartTransitionCommand;
import org.convergence.transitions.domain.TransitionMessages.StepTransitionCommand;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The use cases of a transition. A change of the weekly schedule follows one order (ADR 0020): check this
 * service's rules on the stored state, ask the hours service under the key of the next change (which orders it with
 * every chantier-hours decision and refuses it above 35 hours), then record the fact with what hours accepted. A
 * crash between the two is healed by the next request on the transition: the same request under the same key gets
 * the same answer from hours; another request finds the key used, and the change hours accepted is recorded first.
 */
@ApplicationScoped
public class Transitions {

    private final Commands commands;
    private final EnrolmentView enrolment;
    private final TransitionReads reads;
    private final TransitionIndex index;
    private final WeeklySchedule hours;
    private final int startStoreHours;
    private final int fullTimeHours;
    private final int alertWeeks;
    private final Clock clock = Clock.system(BusinessDates.ZONE);

    public Transitions(Commands commands, EnrolmentView enrolment, TransitionReads reads, TransitionIndex index,
                       WeeklySchedule hours,
                       @ConfigProperty(name = "transitions.start.store-hours") int startStoreHours,
                       @ConfigProperty(name = "transitions.full-time.store-hours") int fullTimeHours,
                       PlatformConfig platform) {
        this.commands = commands;
        this.enrolment = enrolment;
        this.reads = reads;
        this.index = index;
        this.hours = hours;
        this.startStoreHours = startStoreHours;
        this.fullTimeHours = fullTimeHours;
        this.alertWeeks = platform.transitions().meetingAlertWeeks();
    }

    public TransitionView start(String transitionId, String pathwayId, String employerId, String storeId,
                                LocalDate startedOn, Integer storeHours, int chantierHours, Access access) {
        PathwayFacts pathway = pathway(pathwayId, access);
        if (!access.reachesChantier(pathway.territoryId(), pathway.chantierId())) {
            throw access.denied();
        }
        TransitionReads.EmployerView employer = reads.employer(employerId).orElseThrow(() ->
                new RuleViolationException("UNKNOWN_EMPLOYER", "Employer " + employerId + " is not registered"));
        TransitionReads.EmployerView.Store store = employer.store(storeId).orElseThrow(() ->
                new RuleViolationException("UNKNOWN_STORE", "Store " + storeId + " is not a store of "
                        + employerId));
        if (!store.territoryId().equals(pathway.territoryId())) {
            throw new RuleViolationException("STORE_OUTSIDE_TERRITORY", "Store " + storeId + " is in "
                    + store.territoryId() + ", not in the pathway's territory " + pathway.territoryId());
        }
        int store0 = storeHours != null ? storeHours : startStoreHours;
        TransitionHistory history = reads.history(pathwayId);
        if (history.find(transitionId).isEmpty()) {
            history.checkStart(pathway, transitionId, startedOn, store0);
        }
        index.add(transitionId, pathwayId, employerId, pathway.chantierId(), pathway.territoryId());
        String key = TransitionHistory.firstScheduleKey(transitionId);
        ScheduleChange.Accepted accepted;
        try {
            accepted = hours.change(pathwayId, key, new ScheduleChange(transitionId, ScheduleChange.Kind.START,
                    startedOn, store0, chantierHours));
        } catch (WeeklySchedule.KeyAlreadyUsedException used) {
            undoOrphanStart(pathwayId, transitionId, startedOn);
            throw used;
        }
        commands.send(new StartTransitionCommand(pathway, transitionId, employerId, storeId, startedOn,
                accepted.storeHours(), accepted.chantierHours(), key));
        return view(transitionId, access);
    }

    /**
     * Hours holds another start under this transition's first key, and this service recorded none (it crashed in
     * between): that start's store hours are returned to the chantier at hours, so no store hours remain that no
     * transition shows; the client starts again under a new transition id.
     */
    private void undoOrphanStart(String pathwayId, String transitionId, LocalDate startedOn) {
        if (reads.history(pathwayId).find(transitionId).isEmpty()) {
            hours.change(pathwayId, transitionId + ":2", new ScheduleChange(transitionId,
                    ScheduleChange.Kind.BACK_TO_CHANTIER, startedOn, null, null));
        }
    }

    public TransitionView step(String transitionId, LocalDate steppedOn, int storeHours, int chantierHours,
                               Access access) {
        Transition transition = recordable(transitionId, access);
        if (transition.steps().contains(new Transition.Step(steppedOn, storeHours, chantierHours))) {
            return view(transitionId, access); // the same step, sent again after its answer was lost
        }
        transition.checkStep(steppedOn, storeHours, chantierHours);
        ScheduleChange change = new ScheduleChange(transitionId, ScheduleChange.Kind.STEP, steppedOn, storeHours,
                chantierHours);
        ScheduleChange.Accepted accepted = changeHealing(transition, change, Outcome.INTERRUPTED, access);
        commands.send(new StepTransitionCommand(transition.pathwayId(), transitionId, steppedOn,
                accepted.storeHours(), accepted.chantierHours(), accepted.key()));
        return view(transitionId, access);
    }

    public TransitionView meeting(String transitionId, LocalDate heldOn, Access access) {
        Transition transition = followed(transitionId, access);
        transition.checkMeeting(heldOn);
        commands.send(new HoldMeetingCommand(transition.pathwayId(), transitionId, heldOn));
        return view(transitionId, access);
    }

    public TransitionView complete(String transitionId, LocalDate completedOn, Access access) {
        Transition transition = recordable(transitionId, access);
        commands.send(new CompleteTransitionCommand(transition.pathwayId(), transitionId, completedOn,
                fullTimeHours));
        return view(transitionId, access);
    }

    /** Interrupted or abandoned: hours returns the store to 0 and the chantier to the contract, then the fact. */
    public TransitionView end(String transitionId, Outcome outcome, LocalDate on, Access access) {
        Transition transition = recordable(transitionId, access);
        if (transition.outcome() == outcome && on.equals(transition.endedOn())) {
            return view(transitionId, access);
        }
        transition.checkEnd(on);
        ScheduleChange.Accepted accepted = changeHealing(transition, new ScheduleChange(transitionId,
                ScheduleChange.Kind.BACK_TO_CHANTIER, on, null, null), outcome, access);
        commands.send(new EndTransitionCommand(transition.pathwayId(), transitionId, outcome, on,
                accepted.chantierHours(), accepted.key()));
        return view(transitionId, access);
    }

    /**
     * Asks hours under the transition's next key. If hours already accepted another change under it (this service
     * crashed before recording it), that change is recorded first, then the request is asked under the next key.
     * Hours does not know why a transition went back to the chantier: such a change is recorded with the outcome of
     * the request that found it ({@code endedAs}), an interruption when that request is a step.
     */
    private ScheduleChange.Accepted changeHealing(Transition transition, ScheduleChange change, Outcome endedAs,
                                                  Access access) {
        String key = transition.nextScheduleKey();
        try {
            return hours.change(transition.pathwayId(), key, change);
        } catch (WeeklySchedule.KeyAlreadyUsedException used) {
            ScheduleChange.Accepted earlier = hours.accepted(transition.pathwayId(), key).orElseThrow(() -> used);
            record(transition, earlier, endedAs);
            Transition healed = recordable(transition.transitionId(), access);
            if (change.change() == ScheduleChange.Kind.BACK_TO_CHANTIER && !healed.isOpen()) {
                return earlier;
            }
            if (change.change() == ScheduleChange.Kind.STEP) {
                healed.checkStep(change.on(), change.storeHours(), change.chantierHours());
            } else {
                healed.checkEnd(change.on());
            }
            return hours.change(transition.pathwayId(), healed.nextScheduleKey(), change);
        }
    }

    /** Records a change hours accepted but this service had not recorded. */
    private void record(Transition transition, ScheduleChange.Accepted accepted, Outcome endedAs) {
        ScheduleChange request = accepted.request();
        switch (request.change()) {
            case STEP -> commands.send(new StepTransitionCommand(transition.pathwayId(), transition.transitionId(),
                    request.on(), accepted.storeHours(), accepted.chantierHours(), accepted.key()));
            case BACK_TO_CHANTIER -> commands.send(new EndTransitionCommand(transition.pathwayId(),
                    transition.transitionId(), endedAs, request.on(), accepted.chantierHours(),
                    accepted.key()));
            case START -> throw new IllegalStateException("A start is always under the transition's first key");
        }
    }

    public TransitionView view(String transitionId, Access access) {
        return TransitionView.of(followed(transitionId, access), alertWeeks);
    }

    public List<TransitionView> ofEmployer(String employerId, Access access) {
        if (!access.employer().map(employerId::equals).orElse(false) && !access.isNational()) {
            throw access.denied();
        }
        return views(index.pathwaysOfEmployer(employerId)).stream()
                .filter(t -> t.employerId().equals(employerId)).toList();
    }

    /** The open transitions of a chantier with no meeting for the configured weeks, oldest deadline first. */
    public List<TransitionView> alertsOfChantier(String chantierId, Access access) {
        EnrolmentView.Chantier chantier = enrolment.chantier(chantierId).orElseThrow(() -> access.missing(
                "Chantier"));
        if (!access.reachesChantier(chantier.territoryId(), chantierId)) {
            throw access.denied();
        }
        return alerts(views(index.pathwaysOfChantier(chantierId)).stream()
                .filter(t -> t.chantierId().equals(chantierId)).toList());
    }

    public List<TransitionView> alertsOfTerritory(String territoryId, Access access) {
        if (!access.reachesTerritory(territoryId)) {
            throw access.denied();
        }
        return alerts(views(index.pathwaysOfTerritory(territoryId)).stream()
                .filter(t -> t.territoryId().equals(territoryId)).toList());
    }

    private List<TransitionView> alerts(List<TransitionView> transitions) {
        LocalDate today = LocalDate.now(clock);
        // Due on the last meeting + N weeks, listed from the day after: a meeting every N weeks never alerts, and the
        // list agrees day for day with reporting's (TransitionYear.alerts).
        return transitions.stream().filter(t -> t.followUpDueOn() != null && t.followUpDueOn().isBefore(today))
                .sorted(Comparator.comparing(TransitionView::followUpDueOn)).toList();
    }

    private List<TransitionView> views(List<String> pathwayIds) {
        List<TransitionView> views = new ArrayList<>();
        for (String pathwayId : pathwayIds) {
            reads.history(pathwayId).all().forEach(t -> views.add(TransitionView.of(t, alertWeeks)));
        }
        return views;
    }

    /** A transition the caller may follow: the chantier side, or the employer it belongs to. */
    private Transition followed(String transitionId, Access access) {
        Transition transition = index.pathwayOf(transitionId).flatMap(p -> reads.history(p).find(transitionId))
                .orElseThrow(() -> access.missing("Transition"));
        boolean employer = access.employer().map(transition.employerId()::equals).orElse(false);
        if (!employer && !access.reachesChantier(transition.territoryId(), transition.chantierId())) {
            throw access.denied();
        }
        return transition;
    }

    /** A transition whose schedule and outcome the caller may record: the chantier side only. */
    private Transition recordable(String transitionId, Access access) {
        Transition transition = index.pathwayOf(transitionId).flatMap(p -> reads.history(p).find(transitionId))
                .orElseThrow(() -> access.missing("Transition"));
        if (!access.reachesChantier(transition.territoryId(), transition.chantierId())) {
            throw access.denied();
        }
        return transition;
    }

    private PathwayFacts pathway(String pathwayId, Access access) {
        EnrolmentView.Pathway p = enrolment.pathway(pathwayId).orElseThrow(() -> access.missing("Pathway"));
        return new PathwayFacts(p.pathwayId(), p.participantId(), p.program(), p.territoryId(), p.chantierId(),
                p.entryDate(), p.endDate());
    }
}
