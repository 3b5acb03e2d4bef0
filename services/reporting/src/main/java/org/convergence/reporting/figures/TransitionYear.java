package org.convergence.reporting.figures;

import java.time.LocalDate;
import java.time.Year;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The transitions figures of a year and the meeting alert list, computed from the stored facts alone (pure): an
 * alert is a transition in progress whose last meeting, or its start if it had none, is more than the configured
 * number of weeks before the day looked at. Nothing is scheduled, so nothing is lost to a restart: the list of any
 * day is recomputed from the dates.
 */
public final class TransitionYear {

    /** DOMAIN.md: an alert when no meeting happened for 4 weeks, unless configured otherwise. */
    public static final int DEFAULT_ALERT_WEEKS = 4;

    private final int alertWeeks;

    public TransitionYear(int alertWeeks) {
        if (alertWeeks < 1) {
            throw new IllegalArgumentException("The meeting alert needs at least one week; got " + alertWeeks);
        }
        this.alertWeeks = alertWeeks;
    }

    public int alertWeeks() {
        return alertWeeks;
    }

    /** The year's figures; the alert count is the list of the year's last day, or of {@code today} if earlier. */
    public TransitionFigures of(Collection<TransitionRecord> transitions, Year year, LocalDate today) {
        LocalDate first = year.atDay(1);
        LocalDate last = year.atMonth(12).atEndOfMonth();
        LocalDate alertsOn = today.isBefore(last) ? today : last;
        int started = (int) transitions.stream().filter(t -> in(t.startedOn(), year)).count();
        List<TransitionRecord> running = transitions.stream().filter(t -> t.runsBetween(first, last)).toList();
        int reached = running.stream().mapToInt(t -> t.storeHoursReachedBy(t.endedOn() != null
                && t.endedOn().isBefore(last) ? t.endedOn() : last)).sum();
        return new TransitionFigures(started, ended(transitions, TransitionRecord.COMPLETED, year),
                ended(transitions, TransitionRecord.INTERRUPTED, year),
                ended(transitions, TransitionRecord.ABANDONED, year), Mean.of(reached, running.size()),
                alerts(transitions, alertsOn).size());
    }

    /** The transitions in progress on {@code day} without a meeting for more than the alert weeks, oldest first. */
    public List<MeetingAlert> alerts(Collection<TransitionRecord> transitions, LocalDate day) {
        return transitions.stream().filter(t -> t.inProgressOn(day))
                .map(t -> {
                    LocalDate since = t.lastFollowUpBy(day).orElseThrow();
                    LocalDate due = since.plusWeeks(alertWeeks);
                    return due.isBefore(day) ? new MeetingAlert(t.transitionId(), t.pathwayId(), t.participantId(),
                            t.chantierId(), t.employerId(), t.storeId(), t.startedOn(),
                            t.meetings().stream().filter(on -> !on.isAfter(day)).max(Comparator.naturalOrder())
                                    .orElse(null), due, ChronoUnit.WEEKS.between(since, day)) : null;
                })
                .filter(Objects::nonNull)
                .sorted(Comparator.comparing(MeetingAlert::dueOn).thenComparing(MeetingAlert::transitionId))
                .toList();
    }

    private static int ended(Collection<TransitionRecord> transitions, String outcome, Year year) {
        return (int) transitions.stream().filter(t -> outcome.equals(t.outcome()) && in(t.endedOn(), year)).count();
    }

    private static boolean in(LocalDate day, Year year) {
        return day != null && day.getYear() == year.getValue();
    }

    /**
     * A transition on the alert list: its last meeting ({@code null}: none yet, counted from the start), the day a
     * meeting was due by, and the whole weeks since the last meeting or the start.
     */
    public record MeetingAlert(String transitionId, String pathwayId, String participantId, String chantierId,
                               String employerId, String storeId, LocalDate startedOn, LocalDate lastMeetingOn,
                               LocalDate dueOn, long weeksWithoutMeeting) {
    }
}
