package org.convergence.transitions.domain;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.convergence.transitions.domain.TransitionMessages.CompleteTransitionCommand;
import org.convergence.transitions.domain.TransitionMessages.EndTransitionCommand;
import org.convergence.transitions.domain.TransitionMessages.HoldMeetingCommand;
import org.convergence.transitions.domain.TransitionMessages.MeetingHeldEvent;
import org.convergence.transitions.domain.TransitionMessages.StartTransitionCommand;
import org.convergence.transitions.domain.TransitionMessages.StepTransitionCommand;
import org.convergence.transitions.domain.TransitionMessages.TransitionCompletedEvent;
import org.convergence.transitions.domain.TransitionMessages.TransitionEndedEvent;
import org.convergence.transitions.domain.TransitionMessages.TransitionStartedEvent;
import org.convergence.transitions.domain.TransitionMessages.TransitionSteppedEvent;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A pathway's employer transitions, at most one open at a time. Each fact is checked against the rules of
 * {@link Transition} and {@link TransitionHistory}; a fact sent again (the same schedule key, the same meeting day,
 * the same outcome) changes nothing, so a client's retry after a crash is safe.
 */
public class PathwayTransitions {

    @AggregateIdentifier
    private String streamId;
    private final TransitionHistory history = new TransitionHistory();

    protected PathwayTransitions() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(StartTransitionCommand c) {
        if (history.find(c.transitionId()).filter(t -> t.startedOn().equals(c.startedOn())
                && t.storeId().equals(c.storeId())).isPresent()) {
            return; // the same start, sent again
        }
        history.checkStart(c.pathway(), c.transitionId(), c.startedOn(), c.storeHours());
        PathwayFacts p = c.pathway();
        apply(new TransitionStartedEvent(c.transitionId(), p.pathwayId(), p.participantId(), p.territoryId(),
                p.chantierId(), c.employerId(), c.storeId(), c.startedOn(), c.storeHours(), c.chantierHours(),
                c.scheduleKey()));
    }

    @CommandHandler
    void handle(StepTransitionCommand c) {
        Transition transition = history.require(c.transitionId());
        if (transition.hasRecorded(c.scheduleKey())) {
            return; // the same step, sent again
        }
        transition.checkStep(c.steppedOn(), c.storeHours(), c.chantierHours());
        apply(new TransitionSteppedEvent(c.transitionId(), transition.pathwayId(), transition.participantId(),
                transition.territoryId(), transition.chantierId(), c.steppedOn(), c.storeHours(), c.chantierHours(),
                c.scheduleKey()));
    }

    @CommandHandler
    void handle(HoldMeetingCommand c) {
        Transition transition = history.require(c.transitionId());
        if (transition.meetings().contains(c.heldOn())) {
            return; // one meeting a day: the same one, sent again
        }
        transition.checkMeeting(c.heldOn());
        apply(new MeetingHeldEvent(c.transitionId(), transition.pathwayId(), transition.territoryId(),
                transition.chantierId(), c.heldOn()));
    }

    @CommandHandler
    void handle(CompleteTransitionCommand c) {
        Transition transition = history.require(c.transitionId());
        if (transition.outcome() == Outcome.COMPLETED && transition.endedOn().equals(c.completedOn())) {
            return;
        }
        transition.checkCompletion(c.completedOn(), c.fullTimeHours());
        apply(new TransitionCompletedEvent(c.transitionId(), transition.pathwayId(), transition.participantId(),
                transition.territoryId(), transition.chantierId(), transition.employerId(), transition.storeId(),
                c.completedOn()));
    }

    @CommandHandler
    void handle(EndTransitionCommand c) {
        Transition transition = history.require(c.transitionId());
        if (transition.hasRecorded(c.scheduleKey())) {
            return;
        }
        transition.checkEnd(c.on());
        apply(new TransitionEndedEvent(c.transitionId(), transition.pathwayId(), transition.territoryId(),
                transition.chantierId(), c.outcome(), c.on(), c.chantierHours(), c.scheduleKey()));
    }

    @EventSourcingHandler
    void on(TransitionStartedEvent e) {
        streamId = Streams.transitions(e.pathwayId());
        history.apply(e);
    }

    @EventSourcingHandler
    void on(TransitionSteppedEvent e) {
        history.apply(e);
    }

    @EventSourcingHandler
    void on(MeetingHeldEvent e) {
        history.apply(e);
    }

    @EventSourcingHandler
    void on(TransitionCompletedEvent e) {
        history.apply(e);
    }

    @EventSourcingHandler
    void on(TransitionEndedEvent e) {
        history.apply(e);
    }

}
