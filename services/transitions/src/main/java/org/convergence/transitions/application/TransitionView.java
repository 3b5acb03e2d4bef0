package org.convergence.transitions.application;

import org.convergence.transitions.domain.Transition;

import java.time.LocalDate;
import java.util.List;

/**
 * A transition as its readers see it: pseudonymous ids, dates and weekly hours only (no CV, no interview, no name).
 *
 * @param status          OPEN, or the outcome
 * @param followUpDueOn   the day from which, without a meeting, the transition is on the alert list
 */
public record TransitionView(String transitionId, String pathwayId, String participantId, String territoryId,
                             String chantierId, String employerId, String storeId, LocalDate startedOn,
                             int storeHours, int chantierHours, List<Transition.Step> schedule,
                             List<LocalDate> meetings, String status, LocalDate endedOn, LocalDate followUpDueOn) {

    public static TransitionView of(Transition t, int alertWeeks) {
        return new TransitionView(t.transitionId(), t.pathwayId(), t.participantId(), t.territoryId(),
                t.chantierId(), t.employerId(), t.storeId(), t.startedOn(), t.storeHours(), t.chantierHours(),
                t.steps(), t.meetings(), t.outcome() == null ? "OPEN" : t.outcome().name(), t.endedOn(),
                t.isOpen() ? t.followUpDueOn(alertWeeks) : null);
    }
}
