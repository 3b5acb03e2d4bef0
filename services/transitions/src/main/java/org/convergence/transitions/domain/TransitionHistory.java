package org.convergence.transitions.domain;

import org.convergence.platform.domain.RuleViolationException;
import org.convergence.transitions.domain.TransitionMessages.MeetingHeldEvent;
import org.convergence.transitions.domain.TransitionMessages.TransitionCompletedEvent;
import org.convergence.transitions.domain.TransitionMessages.TransitionEndedEvent;
import org.convergence.transitions.domain.TransitionMessages.TransitionStartedEvent;
import org.convergence.transitions.domain.TransitionMessages.TransitionSteppedEvent;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A pathway's transitions folded from its stream: the aggregate keeps one, and the reads fold one from the stored
 * events the same way, so both see the same state and the same rules.
 */
public final class TransitionHistory {

    private final Map<String, Transition> transitions = new LinkedHashMap<>();

    public void apply(Object event) {
        if (event instanceof TransitionStartedEvent e) {
            transitions.put(e.transitionId(), new Transition(e));
        } else if (event instanceof TransitionSteppedEvent e) {
            transitions.get(e.transitionId()).on(e);
        } else if (event instanceof MeetingHeldEvent e) {
            transitions.get(e.transitionId()).on(e);
        } else if (event instanceof TransitionCompletedEvent e) {
            transitions.get(e.transitionId()).on(e);
        } else if (event instanceof TransitionEndedEvent e) {
            transitions.get(e.transitionId()).on(e);
        }
    }

    public Optional<Transition> find(String transitionId) {
        return Optional.ofNullable(transitions.get(transitionId));
    }

    public Transition require(String transitionId) {
        return find(transitionId).orElseThrow(() -> new RuleViolationException("UNKNOWN_TRANSITION",
                "Transition " + transitionId + " is not a transition of this pathway"));
    }

    public Optional<Transition> open() {
        return transitions.values().stream().filter(Transition::isOpen).findFirst();
    }

    public List<Transition> all() {
        return List.copyOf(transitions.values());
    }

    /** The rules of a start: an active Convergence pathway, no other open transition, store hours from the start. */
    public void checkStart(PathwayFacts pathway, String transitionId, LocalDate startedOn, int storeHours) {
        if (!PathwayFacts.CONVERGENCE.equals(pathway.program())) {
            throw new RuleViolationException("NOT_A_CONVERGENCE_PATHWAY", "Only a CONVERGENCE pathway may move to "
                    + "an employer, not a " + pathway.program() + " one");
        }
        if (!pathway.isActiveOn(startedOn)) {
            throw new RuleViolationException("PATHWAY_NOT_ACTIVE", "The pathway is not active on " + startedOn
                    + " (entry " + pathway.entryDate() + (pathway.endDate() != null ? ", end " + pathway.endDate()
                    : "") + ")");
        }
        if (transitions.containsKey(transitionId)) {
            throw new RuleViolationException("TRANSITION_ALREADY_EXISTS", "Transition " + transitionId
                    + " already exists");
        }
        open().ifPresent(other -> {
            throw new RuleViolationException("TRANSITION_ALREADY_OPEN", "The pathway's transition "
                    + other.transitionId() + " is still open");
        });
        if (storeHours < 1) {
            throw new RuleViolationException("START_WITHOUT_STORE_HOURS", "A transition starts with hours in the "
                    + "store");
        }
    }

    /** The key of a new transition's first schedule change at the hours service. */
    public static String firstScheduleKey(String transitionId) {
        return transitionId + ":1";
    }
}
