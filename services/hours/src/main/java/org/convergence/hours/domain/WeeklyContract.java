package org.convergence.hours.domain;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.convergence.hours.domain.HoursMessages.ContractedHoursDecidedEvent;
import org.convergence.hours.domain.HoursMessages.DecideContractedHoursCommand;
import org.convergence.hours.domain.StoreScheduleMessages.Accepted;
import org.convergence.hours.domain.StoreScheduleMessages.Change;
import org.convergence.hours.domain.StoreScheduleMessages.ScheduleRequest;
import org.convergence.hours.domain.StoreScheduleMessages.ScheduleStoreHoursCommand;
import org.convergence.hours.domain.StoreScheduleMessages.StoreHoursScheduledEvent;
import org.convergence.platform.domain.RuleViolationException;
import org.convergence.platform.programs.Program;
import org.convergence.platform.programs.ProgramCatalog;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A pathway's contracted weekly hours: dated decisions, each in force from its date until the next one. Before the
 * first decision the program's default applies. Bounds, default and ladder come from the program catalogue; every
 * rule is checked before anything is applied.
 * <p>
 * It is also the one holder of the pathway's combined weekly schedule (ADR 0020): the store hours of an employer
 * transition live here beside the chantier hours, so every change of either side is a command on this one stream,
 * and two concurrent changes are ordered by its optimistic lock: the loser is checked again on the new state.
 */
public class WeeklyContract {

    @AggregateIdentifier
    private String streamId;
    private final TreeMap<LocalDate, Decision> decisions = new TreeMap<>();
    private final TreeMap<LocalDate, Integer> storeHours = new TreeMap<>();
    private final Map<String, Accepted> acceptedByKey = new HashMap<>();
    /** The chantier hours in force when the current transition started: what an interruption returns to. */
    private Integer contractBeforeTransition;

    private record Decision(int weeklyHours, DecisionReason reason) {
    }

    protected WeeklyContract() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    boolean handle(DecideContractedHoursCommand command, ProgramCatalog programs, Clock clock) {
        PathwayTerms pathway = command.pathway();
        LocalDate on = command.effectiveOn();
        Program program = programs.find(pathway.program()).orElseThrow(() -> new RuleViolationException(
                "UNKNOWN_PROGRAM", "Program " + pathway.program() + " is not configured; programs are "
                + programs.codes()));
        if (on.isBefore(pathway.entryDate())) {
            throw new RuleViolationException("DECISION_BEFORE_ENTRY", "The decision of " + on
                    + " is before the pathway's entry on " + pathway.entryDate());
        }
        if (pathway.endDate() != null && on.isAfter(pathway.endDate())) {
            throw new RuleViolationException("DECISION_AFTER_EXIT", "The decision of " + on
                    + " is after the pathway's end on " + pathway.endDate());
        }
        if (on.isAfter(LocalDate.now(clock))) {
            throw new RuleViolationException("DECISION_IN_FUTURE", "The decision of " + on
                    + " is in the future: a decision is recorded once it takes effect");
        }
        Program.WeeklyHours bounds = program.weeklyHours();
        int min = bounds.minAt(pathway.chantierPrograms());
        if (command.weeklyHours() < min || command.weeklyHours() > bounds.max()) {
            throw new RuleViolationException("HOURS_OUT_OF_BOUNDS", "A " + program.code() + " contract at this "
                    + "chantier is from " + min + " to " + bounds.max() + " hours a week, not "
                    + command.weeklyHours());
        }
        Optional<Integer> previous = inForceBefore(on);
        if (command.reason() == DecisionReason.LADDER_STEP) {
            int current = previous.orElse(bounds.defaultHours());
            Optional<Integer> next = bounds.nextStepAbove(current);
            if (next.isEmpty() || next.get() != command.weeklyHours()) {
                throw new RuleViolationException("NOT_THE_NEXT_LADDER_STEP", "From " + current + " hours the "
                        + "usual ladder " + bounds.ladder() + " of " + program.code() + " goes to "
                        + next.map(String::valueOf).orElse("no further step") + ", not " + command.weeklyHours()
                        + "; record another reason for a step outside the ladder");
            }
        }
        Decision decision = new Decision(command.weeklyHours(), command.reason());
        if (decision.equals(decisions.get(on))) {
            return false; // the same decision, sent again
        }
        requireWeeklyLimit(schedule(pathway, bounds.defaultHours()).withChantier(on, command.weeklyHours()));
        apply(new ContractedHoursDecidedEvent(pathway.pathwayId(), pathway.participantId(), pathway.program(),
                pathway.territoryId(), pathway.chantierId(), on, command.weeklyHours(), previous.orElse(null),
                command.reason(), command.decidedBy()));
        return true;
    }

    /**
     * A change of the store side asked for by a transition, with the chantier side in the same event stream: the
     * combined week is checked against {@link WeeklySchedule#WEEKLY_LIMIT} before anything is applied. The same key
     * with the same request answers what it answered the first time.
     */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    Accepted handle(ScheduleStoreHoursCommand command, ProgramCatalog programs) {
        Accepted already = acceptedByKey.get(command.key());
        ScheduleRequest request = command.request();
        if (already != null) {
            if (already.request().equals(request)) {
                return already;
            }
            throw new RuleViolationException("SCHEDULE_KEY_REUSED", "Schedule change " + command.key()
                    + " was already accepted with another request: " + already.request());
        }
        PathwayTerms pathway = command.pathway();
        Program program = programs.find(pathway.program()).orElseThrow(() -> new RuleViolationException(
                "UNKNOWN_PROGRAM", "Program " + pathway.program() + " is not configured"));
        LocalDate monday = IsoWeek.of(request.on()).monday();
        LocalDate from = monday.isBefore(pathway.entryDate()) ? pathway.entryDate() : monday;
        if (pathway.endDate() != null && request.on().isAfter(pathway.endDate())) {
            throw new RuleViolationException("SCHEDULE_AFTER_EXIT", "The schedule change of " + request.on()
                    + " is after the pathway's end on " + pathway.endDate());
        }
        int defaultHours = program.weeklyHours().defaultHours();
        WeeklySchedule before = schedule(pathway, defaultHours);
        int previousChantier = before.chantierOn(from);
        int store;
        int chantier;
        if (request.change() == Change.BACK_TO_CHANTIER) {
            store = 0;
            chantier = contractBeforeTransition != null ? contractBeforeTransition : previousChantier;
        } else {
            if (request.storeHours() == null || request.chantierHours() == null) {
                throw new RuleViolationException("SCHEDULE_HOURS_MISSING", "A " + request.change()
                        + " names its store hours and chantier hours");
            }
            store = request.storeHours();
            chantier = request.chantierHours();
            if (store < 0 || chantier < 0 || chantier > program.weeklyHours().max()) {
                throw new RuleViolationException("HOURS_OUT_OF_BOUNDS", "Store hours are at least 0 and chantier "
                        + "hours from 0 to " + program.weeklyHours().max() + " a week, not " + store + " and "
                        + chantier);
            }
        }
        requireWeeklyLimit(before.withStore(from, store).withChantier(from, chantier));
        apply(new StoreHoursScheduledEvent(pathway.pathwayId(), pathway.participantId(), pathway.territoryId(),
                pathway.chantierId(), command.key(), request, from, store, chantier, previousChantier,
                command.decidedBy()));
        if (chantier != previousChantier) {
            apply(new ContractedHoursDecidedEvent(pathway.pathwayId(), pathway.participantId(), pathway.program(),
                    pathway.territoryId(), pathway.chantierId(), from, chantier, inForceBefore(from).orElse(null),
                    DecisionReason.EMPLOYER_TRANSITION, command.decidedBy()));
        }
        return acceptedByKey.get(command.key());
    }

    private WeeklySchedule schedule(PathwayTerms pathway, int defaultHours) {
        TreeMap<LocalDate, Integer> chantier = new TreeMap<>();
        decisions.forEach((day, decision) -> chantier.put(day, decision.weeklyHours()));
        return new WeeklySchedule(chantier, defaultHours, storeHours, pathway.entryDate(), pathway.endDate());
    }

    private static void requireWeeklyLimit(WeeklySchedule schedule) {
        schedule.firstWeekAboveLimit().ifPresent(week -> {
            throw new RuleViolationException("WEEKLY_LIMIT_35", "Store hours plus chantier hours stay at or under "
                    + WeeklySchedule.WEEKLY_LIMIT + " in every ISO week; week " + week.week() + " would have "
                    + week.chantierHours() + " at the chantier and " + week.storeHours() + " in the store");
        });
    }

    /** The decided hours in force the day before {@code day}, if a decision precedes it. */
    private Optional<Integer> inForceBefore(LocalDate day) {
        return Optional.ofNullable(decisions.lowerEntry(day)).map(Map.Entry::getValue).map(Decision::weeklyHours);
    }

    @EventSourcingHandler
    void on(ContractedHoursDecidedEvent event) {
        this.streamId = Streams.contract(event.pathwayId());
        decisions.put(event.effectiveOn(), new Decision(event.weeklyHours(), event.reason()));
    }

    @EventSourcingHandler
    void on(StoreHoursScheduledEvent event) {
        this.streamId = Streams.contract(event.pathwayId());
        storeHours.put(event.effectiveOn(), event.storeHours());
        acceptedByKey.put(event.key(), new Accepted(event.key(), event.pathwayId(), event.request(),
                event.effectiveOn(), event.storeHours(), event.chantierHours()));
        if (event.request().change() == Change.START) {
            contractBeforeTransition = event.previousChantierHours();
        }
    }
}
