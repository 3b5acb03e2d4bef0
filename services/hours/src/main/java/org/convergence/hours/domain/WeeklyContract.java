package org.convergence.hours.domain;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.convergence.hours.domain.HoursMessages.ContractedHoursDecidedEvent;
import org.convergence.hours.domain.HoursMessages.DecideContractedHoursCommand;
import org.convergence.platform.domain.RuleViolationException;
import org.convergence.platform.programs.Program;
import org.convergence.platform.programs.ProgramCatalog;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A pathway's contracted weekly hours: dated decisions, each in force from its date until the next one. Before the
 * first decision the program's default applies. Bounds, default and ladder come from the program catalogue; every
 * rule is checked before anything is applied.
 */
public class WeeklyContract {

    @AggregateIdentifier
    private String streamId;
    private final TreeMap<LocalDate, Decision> decisions = new TreeMap<>();

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
        apply(new ContractedHoursDecidedEvent(pathway.pathwayId(), pathway.participantId(), pathway.program(),
                pathway.territoryId(), pathway.chantierId(), on, command.weeklyHours(), previous.orElse(null),
                command.reason(), command.decidedBy()));
        return true;
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
}
