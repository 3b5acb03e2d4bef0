package org.convergence.transitions.application;

import java.time.LocalDate;

/**
 * A change of a pathway's weekly schedule as the hours service holds it (ADR 0020): what transitions asks for, and
 * what hours accepted under a key. Hours are whole hours a week; both are null in a request to go back to the
 * chantier, whose hours hours knows.
 */
public record ScheduleChange(String transitionId, Kind change, LocalDate on, Integer storeHours,
                             Integer chantierHours) {

    public enum Kind {
        START, STEP, BACK_TO_CHANTIER
    }

    /** What hours accepted: the request, and the week's hours from {@code effectiveOn} on. */
    public record Accepted(String key, String pathwayId, ScheduleChange request, LocalDate effectiveOn,
                           int storeHours, int chantierHours) {
    }
}
