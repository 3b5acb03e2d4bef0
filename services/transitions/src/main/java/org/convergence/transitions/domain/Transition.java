package org.convergence.transitions.domain;

import org.convergence.platform.domain.RuleViolationException;
import org.convergence.transitions.domain.TransitionMessages.MeetingHeldEvent;
import org.convergence.transitions.domain.TransitionMessages.TransitionCompletedEvent;
import org.convergence.transitions.domain.TransitionMessages.TransitionEndedEvent;
import org.convergence.transitions.domain.TransitionMessages.TransitionStartedEvent;
import org.convergence.transitions.domain.TransitionMessages.TransitionSteppedEvent;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;
import java.util.ArrayList;
import java.util.List;

/**
 * One transition as its facts made it, and its rules: the aggregate checks them before applying a fact, and the
 * application checks them before asking the hours service, so that hours never accepts a change this service would
 * then refuse (ADR 0020).
 */
public final class Transition {

    private final String transitionId;
    private final String pathwayId;
    private final String participantId;
    private final String territoryId;
    private final String chantierId;
    private final String employerId;
    private final String storeId;
    private final LocalDate startedOn;
    private int storeHours;
    private int chantierHours;
    private LocalDate lastScheduleOn;
    private int scheduleChanges;
    private final List<LocalDate> meetings = new ArrayList<>();
    private final List<Step> steps = new ArrayList<>();
    private final Set<String> scheduleKeys = new HashSet<>();
    private Outcome outcome;
    private LocalDate endedOn;

    /** A dated schedule of the transition: the start, each step, the return to the chantier. */
    public record Step(LocalDate on, int storeHours, int chantierHours) {
    }

    Transition(TransitionStartedEvent e) {
        transitionId = e.transitionId();
        pathwayId = e.pathwayId();
        participantId = e.participantId();
        territoryId = e.territoryId();
        chantierId = e.chantierId();
        employerId = e.employerId();
        storeId = e.storeId();
        startedOn = e.startedOn();
        schedule(e.startedOn(), e.storeHours(), e.chantierHours(), e.scheduleKey());
    }

    void on(TransitionSteppedEvent e) {
        schedule(e.steppedOn(), e.storeHours(), e.chantierHours(), e.scheduleKey());
    }

    void on(MeetingHeldEvent e) {
        meetings.add(e.heldOn());
    }

    void on(TransitionCompletedEvent e) {
        outcome = Outcome.COMPLETED;
        endedOn = e.completedOn();
    }

    void on(TransitionEndedEvent e) {
        schedule(e.endedOn(), 0, e.chantierHours(), e.scheduleKey());
        outcome = e.outcome();
        endedOn = e.endedOn();
    }

    private void schedule(LocalDate on, int store, int chantier, String key) {
        scheduleKeys.add(key);
        storeHours = store;
        chantierHours = chantier;
        lastScheduleOn = on;
        scheduleChanges++;
        steps.add(new Step(on, store, chantier));
    }

    /** The key of this transition's next schedule change at the hours service: its id and the change's number. */
    public String nextScheduleKey() {
        return transitionId + ":" + (scheduleChanges + 1);
    }

    /** Whether a schedule change under this key is already one of this transition's facts. */
    public boolean hasRecorded(String scheduleKey) {
        return scheduleKeys.contains(scheduleKey);
    }

    public void checkStep(LocalDate on, int store, int chantier) {
        requireOpen();
        if (!weekOf(on).isAfter(weekOf(lastScheduleOn))) {
            throw new RuleViolationException("STEP_NOT_AFTER_PREVIOUS_WEEK", "A step applies from its ISO week: "
                    + on + " is not in a week after the previous change of " + lastScheduleOn);
        }
        if (store <= storeHours || chantier > chantierHours) {
            throw new RuleViolationException("STEP_MUST_MOVE_HOURS_TO_STORE", "A step moves hours from the "
                    + "chantier to the store: store hours go up from " + storeHours + " and chantier hours do not go "
                    + "up from " + chantierHours + ", not " + store + " and " + chantier);
        }
    }

    public void checkMeeting(LocalDate on) {
        requireOpen();
        if (on.isBefore(startedOn)) {
            throw new RuleViolationException("MEETING_BEFORE_START", "The meeting of " + on
                    + " is before the transition's start on " + startedOn);
        }
    }

    public void checkCompletion(LocalDate on, int fullTimeHours) {
        requireOpen();
        if (storeHours < fullTimeHours) {
            throw new RuleViolationException("COMPLETION_BEFORE_FULL_TIME", "A transition completes at full time in "
                    + "the store (" + fullTimeHours + " hours a week), not at " + storeHours);
        }
        requireNotBeforeLastChange(on);
    }

    public void checkEnd(LocalDate on) {
        requireOpen();
        requireNotBeforeLastChange(on);
    }

    private void requireNotBeforeLastChange(LocalDate on) {
        if (on.isBefore(lastScheduleOn)) {
            throw new RuleViolationException("OUTCOME_BEFORE_LAST_CHANGE", "The outcome of " + on
                    + " is before the transition's last change on " + lastScheduleOn);
        }
    }

    private void requireOpen() {
        if (outcome != null) {
            throw new RuleViolationException("TRANSITION_CLOSED", "Transition " + transitionId + " ended ("
                    + outcome + ") on " + endedOn);
        }
    }

    private static LocalDate weekOf(LocalDate day) {
        return day.with(java.time.DayOfWeek.MONDAY);
    }

    /**
     * The day from which a transition without a meeting for {@code weeks} weeks is on the alert list: the last
     * meeting (or the start) plus that many weeks. Computed from the stored facts whenever it is read: a durable
     * deadline, no timer.
     */
    public LocalDate followUpDueOn(int weeks) {
        LocalDate last = meetings.stream().max(LocalDate::compareTo).orElse(startedOn);
        return last.plusWeeks(weeks);
    }

    /** Two folds of the same facts are equal (the aggregate test fixture compares a handled state with a replay). */
    @Override
    public boolean equals(Object other) {
        return other instanceof Transition t && transitionId.equals(t.transitionId) && steps.equals(t.steps)
                && meetings.equals(t.meetings) && scheduleKeys.equals(t.scheduleKeys) && outcome == t.outcome
                && java.util.Objects.equals(endedOn, t.endedOn) && employerId.equals(t.employerId)
                && storeId.equals(t.storeId);
    }

    @Override
    public int hashCode() {
        return transitionId.hashCode();
    }

    public boolean isOpen() {
        return outcome == null;
    }

    public String transitionId() {
        return transitionId;
    }

    public String pathwayId() {
        return pathwayId;
    }

    public String participantId() {
        return participantId;
    }

    public String territoryId() {
        return territoryId;
    }

    public String chantierId() {
        return chantierId;
    }

    public String employerId() {
        return employerId;
    }

    public String storeId() {
        return storeId;
    }

    public LocalDate startedOn() {
        return startedOn;
    }

    public int storeHours() {
        return storeHours;
    }

    public int chantierHours() {
        return chantierHours;
    }

    public List<LocalDate> meetings() {
        return List.copyOf(meetings);
    }

    public List<Step> steps() {
        return List.copyOf(steps);
    }

    public Outcome outcome() {
        return outcome;
    }

    public LocalDate endedOn() {
        return endedOn;
    }
}
