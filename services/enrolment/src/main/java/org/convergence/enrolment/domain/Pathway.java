package org.convergence.enrolment.domain;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.convergence.enrolment.domain.PathwayMessages.CheckInRecordedEvent;
import org.convergence.enrolment.domain.PathwayMessages.CorrectEntryDateCommand;
import org.convergence.enrolment.domain.PathwayMessages.CorrectExitCommand;
import org.convergence.enrolment.domain.PathwayMessages.EnrolParticipantCommand;
import org.convergence.enrolment.domain.PathwayMessages.EntryDateCorrectedEvent;
import org.convergence.enrolment.domain.PathwayMessages.ExitCorrectedEvent;
import org.convergence.enrolment.domain.PathwayMessages.ParticipantEnrolledEvent;
import org.convergence.enrolment.domain.PathwayMessages.PathwayExitRecordedEvent;
import org.convergence.enrolment.domain.PathwayMessages.PromoteToConvergenceCommand;
import org.convergence.enrolment.domain.PathwayMessages.PromotedToConvergenceEvent;
import org.convergence.enrolment.domain.PathwayMessages.RecordCheckInCommand;
import org.convergence.enrolment.domain.PathwayMessages.RecordExitCommand;
import org.convergence.enrolment.domain.PathwayMessages.RecordPastPathwayCommand;
import org.convergence.platform.domain.RuleViolationException;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One stint of a participant in one program at one chantier, from entry to exit. Recruitment is without
 * selection: enrolment asks for nothing but what accompaniment needs.
 */
public class Pathway {

    @AggregateIdentifier
    private String streamId;
    private String pathwayId;
    private String participantId;
    private String program;
    private String territoryId;
    private String chantierId;
    private LocalDate entryDate;
    private LocalDate exitDate;
    private String promotedTo;
    private final Set<Integer> checkIns = new HashSet<>();

    protected Pathway() {
        // for Axon
    }

    @CommandHandler
    public Pathway(EnrolParticipantCommand command) {
        apply(new ParticipantEnrolledEvent(command.pathwayId(), command.participantId(), command.program(),
                command.territoryId(), command.chantierId(), command.entryDate(), command.promotedFrom()));
    }

    @CommandHandler
    public Pathway(RecordPastPathwayCommand command) {
        apply(new ParticipantEnrolledEvent(command.pathwayId(), command.participantId(), command.program(),
                command.territoryId(), command.chantierId(), command.entryDate(), null));
        // State is not updated inside a creating handler: check against the command itself.
        requireValidExit(command.program(), command.exitDate(), command.entryDate());
        apply(new PathwayExitRecordedEvent(command.pathwayId(), command.participantId(), command.program(),
                command.territoryId(), command.chantierId(), command.exitDate(), command.category(),
                command.housingAtExit()));
    }

    @CommandHandler
    void handle(PromoteToConvergenceCommand command) {
        if (command.convergencePathwayId().equals(promotedTo)) {
            return; // the same promotion, retried: already done
        }
        if (!Programs.PREMIERES_HEURES.equals(program)) {
            throw new RuleViolationException("ONLY_PREMIERES_HEURES_IS_PROMOTED",
                    "Only a Premières Heures pathway is promoted to a Convergence CDDI; this one is " + program);
        }
        requireNotEnded();
        if (command.promotionDate().isBefore(entryDate)) {
            throw new RuleViolationException("PROMOTION_BEFORE_ENTRY",
                    "The promotion date " + command.promotionDate() + " is before the entry date " + entryDate);
        }
        apply(new PromotedToConvergenceEvent(pathwayId, participantId, territoryId, chantierId,
                command.convergencePathwayId(), command.promotionDate()));
    }

    @CommandHandler
    void handle(RecordExitCommand command) {
        requireNotEnded();
        requireValidExit(program, command.exitDate(), entryDate);
        apply(new PathwayExitRecordedEvent(pathwayId, participantId, program, territoryId, chantierId,
                command.exitDate(), command.category(), command.housingAtExit()));
    }

    @CommandHandler
    void handle(CorrectEntryDateCommand command) {
        if (command.entryDate().equals(entryDate)) {
            return; // nothing to correct
        }
        if (exitDate != null) {
            requireValidExit(program, exitDate, command.entryDate());
        }
        apply(new EntryDateCorrectedEvent(pathwayId, participantId, territoryId, chantierId, entryDate,
                command.entryDate()));
    }

    @CommandHandler
    void handle(CorrectExitCommand command) {
        if (exitDate == null || promotedTo != null) {
            throw new RuleViolationException("NO_EXIT_TO_CORRECT",
                    "This pathway has no recorded exit to correct" + (promotedTo != null ? ": it was promoted" : ""));
        }
        requireValidExit(program, command.exitDate(), entryDate);
        apply(new ExitCorrectedEvent(pathwayId, participantId, program, territoryId, chantierId, command.exitDate(),
                command.category(), command.housingAtExit()));
    }

    @CommandHandler
    void handle(RecordCheckInCommand command) {
        if (!Programs.CONVERGENCE.equals(program) || exitDate == null) {
            throw new RuleViolationException("NO_FOLLOW_UP", "Only an exited Convergence pathway is followed up");
        }
        if (!PathwayRules.CHECK_IN_MILESTONES.contains(command.milestoneMonths())) {
            throw new RuleViolationException("UNKNOWN_MILESTONE", "Check-ins are due at "
                    + PathwayRules.CHECK_IN_MILESTONES + " months after the exit");
        }
        if (command.checkInDate().isBefore(exitDate)) {
            throw new RuleViolationException("CHECK_IN_BEFORE_EXIT",
                    "The check-in date " + command.checkInDate() + " is before the exit on " + exitDate);
        }
        if (command.checkInDate().isAfter(PathwayRules.followUpClosesOn(exitDate))) {
            throw new RuleViolationException("FOLLOW_UP_CLOSED",
                    "The follow-up closed on " + PathwayRules.followUpClosesOn(exitDate));
        }
        if (checkIns.contains(command.milestoneMonths())) {
            throw new RuleViolationException("CHECK_IN_ALREADY_RECORDED",
                    "The " + command.milestoneMonths() + "-month check-in is already recorded");
        }
        apply(new CheckInRecordedEvent(pathwayId, participantId, territoryId, chantierId, command.milestoneMonths(),
                command.checkInDate(), command.employmentStatus(), command.housingSituation()));
    }

    private static void requireValidExit(String program, LocalDate exit, LocalDate entry) {
        if (exit.isBefore(entry)) {
            throw new RuleViolationException("EXIT_BEFORE_ENTRY",
                    "The exit date " + exit + " is before the entry date " + entry);
        }
        if (Programs.CONVERGENCE.equals(program) && exit.isAfter(PathwayRules.fiveYearLimit(entry))) {
            throw new RuleViolationException("PAST_FIVE_YEARS", "A Convergence pathway lasts at most 5 years: "
                    + "from " + entry + " it ends by " + PathwayRules.fiveYearLimit(entry));
        }
    }

    private void requireNotEnded() {
        if (exitDate != null) {
            throw new RuleViolationException("PATHWAY_ALREADY_ENDED", "This pathway already ended on " + exitDate
                    + (promotedTo != null ? " by promotion to a Convergence CDDI" : "; correct the exit instead"));
        }
    }

    @EventSourcingHandler
    void on(ParticipantEnrolledEvent event) {
        this.streamId = Streams.pathway(event.pathwayId());
        this.pathwayId = event.pathwayId();
        this.participantId = event.participantId();
        this.program = event.program();
        this.territoryId = event.territoryId();
        this.chantierId = event.chantierId();
        this.entryDate = event.entryDate();
    }

    @EventSourcingHandler
    void on(PathwayExitRecordedEvent event) {
        this.exitDate = event.exitDate();
    }

    @EventSourcingHandler
    void on(CheckInRecordedEvent event) {
        checkIns.add(event.milestoneMonths());
    }

    @EventSourcingHandler
    void on(EntryDateCorrectedEvent event) {
        this.entryDate = event.entryDate();
    }

    @EventSourcingHandler
    void on(ExitCorrectedEvent event) {
        this.exitDate = event.exitDate();
    }

    @EventSourcingHandler
    void on(PromotedToConvergenceEvent event) {
        this.exitDate = event.promotionDate();
        this.promotedTo = event.convergencePathwayId();
    }
}
