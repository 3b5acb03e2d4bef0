package org.convergence.reporting.figures;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * One employer transition as reporting knows it: pseudonymous ids, the start, the dated store-hour schedules (the
 * start's first), the meetings' dates, and the outcome with its date once it ended. A transition whose start has
 * not arrived has no {@code startedOn}.
 *
 * @param schedules store hours a week from a day on, in any order
 * @param outcome   {@code COMPLETED}, {@code INTERRUPTED}, {@code ABANDONED}, or null while it runs
 */
public record TransitionRecord(String transitionId, String pathwayId, String participantId, String chantierId,
                               String employerId, String storeId, LocalDate startedOn, List<Schedule> schedules,
                               List<LocalDate> meetings, String outcome, LocalDate endedOn) {

    public static final String COMPLETED = "COMPLETED";
    public static final String INTERRUPTED = "INTERRUPTED";
    public static final String ABANDONED = "ABANDONED";

    /** Store hours a week from {@code from} on. */
    public record Schedule(LocalDate from, int storeHours) {
    }

    public TransitionRecord {
        schedules = List.copyOf(schedules);
        meetings = List.copyOf(meetings);
    }

    /** Started on or before {@code last}, and not ended before {@code first}. */
    public boolean runsBetween(LocalDate first, LocalDate last) {
        return startedOn != null && !startedOn.isAfter(last) && (endedOn == null || !endedOn.isBefore(first));
    }

    /** Started on or before {@code day} and not ended before it (the day of the outcome still counts). */
    public boolean inProgressOn(LocalDate day) {
        return startedOn != null && !startedOn.isAfter(day) && (endedOn == null || endedOn.isAfter(day));
    }

    /** The most store hours a week of the schedules in force on or before {@code day}; 0 before the start. */
    public int storeHoursReachedBy(LocalDate day) {
        return schedules.stream().filter(s -> !s.from().isAfter(day)).mapToInt(Schedule::storeHours).max()
                .orElse(0);
    }

    /** The last meeting on or before {@code day}, else the start: where "weeks without a meeting" count from. */
    public Optional<LocalDate> lastFollowUpBy(LocalDate day) {
        return meetings.stream().filter(on -> !on.isAfter(day)).max(Comparator.naturalOrder())
                .or(() -> Optional.ofNullable(startedOn).filter(on -> !on.isAfter(day)));
    }
}
