package org.convergence.enrolment.domain;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.convergence.enrolment.domain.PathwayMessages.AbandonEnrolmentCommand;
import org.convergence.enrolment.domain.PathwayMessages.CheckInRecordedEvent;
import org.convergence.enrolment.domain.PathwayMessages.CorrectEntryDateCommand;
import org.convergence.enrolment.domain.PathwayMessages.CorrectExitCommand;
import org.convergence.enrolment.domain.PathwayMessages.EnrolParticipantCommand;
import org.convergence.enrolment.domain.PathwayMessages.EnrolmentAbandonedEvent;
import org.convergence.enrolment.domain.PathwayMessages.EntryDateCorrectedEvent;
import org.convergence.enrolment.domain.PathwayMessages.ExitCorrectedEvent;
import org.convergence.enrolment.domain.PathwayMessages.ParticipantEnrolledEvent;
import org.convergence.enrolment.domain.PathwayMessages.PathwayExitRecordedEvent;
import org.convergence.enrolment.domain.PathwayMessages.PromoteToConvergenceCommand;
import org.convergence.enrolment.domain.PathwayMessages.PromotedToConvergenceEvent;
import org.convergence.enrolment.domain.PathwayMessages.RecordCheckInCommand;
import org.convergence.enrolment.domain.PathwayMessages.RecordExitCommand;
import org.convergence.enrolment.domain.PathwayMessages.RecordPastPathwayCommand;
import org.convergence.platform.domain.NotFoundException;
import org.convergence.platform.domain.RuleViolationException;
import org.convergence.platform.programs.Program;
import org.convergence.platform.programs.ProgramCatalog;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One stint of a participant in one program at one chantier, from entry to exit. Recruitment is without
 * selection: enrolment asks for nothing but what accompaniment needs. The program's rules (longest duration,
 * follow-up and its milestones) come from the configured {@link ProgramCatalog}; the dates of "today" from the
 * business {@link Clock}. Every handler checks all its rules before it applies anything.
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
    private boolean abandoned;
    private final Set<Integer> checkIns = new HashSet<>();

    protected Pathway() {
        // for Axon
    }

    @CommandHandler
    public Pathway(EnrolParticipantCommand command, ProgramCatalog programs) {
        programOf(programs, command.program());
        command.site().requireCarries(command.program());
        apply(enrolled(command.pathwayId(), command.participantId(), command.program(), command.site(),
                command.entryDate(), command.promotedFrom()));
    }

    @CommandHandler
    public Pathway(RecordPastPathwayCommand command, ProgramCatalog programs) {
        Program rules = programOf(programs, command.program());
        command.site().requireCarries(command.program());
        requireValidExit(rules, command.entryDate(), command.exitDate());
        apply(enrolled(command.pathwayId(), command.participantId(), command.program(), command.site(),
                command.entryDate(), null));
        apply(new PathwayExitRecordedEvent(command.pathwayId(), command.participantId(), command.program(),
                command.site().territoryId(), command.site().chantierId(), command.exitDate(), command.category(),
                command.housingAtExit()));
    }

    /** Takes the pathway id of an enrolment that never completed, so that it never completes (ADR 0015). */
    @CommandHandler
    public Pathway(AbandonEnrolmentCommand command) {
        apply(new EnrolmentAbandonedEvent(command.pathwayId(), command.participantId(), command.program()));
    }

    @CommandHandler
    void handle(PromoteToConvergenceCommand command) {
        requireEnrolled();
        if (command.convergencePathwayId().equals(promotedTo)) {
            return; // the same promotion, retried: already done
        }
        if (!ProgramCatalog.PREMIERES_HEURES.equals(program)) {
            throw new RuleViolationException("ONLY_PREMIERES_HEURES_IS_PROMOTED",
                    "Only a Premières Heures pathway is promoted to a Convergence CDDI; this one is " + program);
        }
        requireNotEnded();
        if (command.promotionDate().isBefore(entryDate)) {
            throw new RuleViolationException("PROMOTION_BEFORE_ENTRY",
                    "The promotion date " + command.promotionDate() + " is before the entry date " + entryDate);
        }
        command.target().requireCarries(ProgramCatalog.CONVERGENCE);
        apply(new PromotedToConvergenceEvent(pathwayId, participantId, territoryId, chantierId,
                command.convergencePathwayId(), command.promotionDate()));
    }

    @CommandHandler
    void handle(RecordExitCommand command, ProgramCatalog programs) {
        requireEnrolled();
        requireNotEnded();
        requireValidExit(programs.require(program), entryDate, command.exitDate());
        apply(new PathwayExitRecordedEvent(pathwayId, participantId, program, territoryId, chantierId,
                command.exitDate(), command.category(), command.housingAtExit()));
    }

    /**
     * An ended pathway's exit must still fall within the limit from the corrected entry; an open pathway must not be
     * past its limit today once corrected (the day itself is the last allowed, as in the work list).
     */
    @CommandHandler
    void handle(CorrectEntryDateCommand command, ProgramCatalog programs, Clock clock) {
        requireEnrolled();
        if (command.entryDate().equals(entryDate)) {
            return; // nothing to correct
        }
        Program rules = programs.require(program);
        if (exitDate != null) {
            requireValidExit(rules, command.entryDate(), exitDate);
        } else {
            requireWithinLimit(rules, command.entryDate(), LocalDate.now(clock), "today");
        }
        apply(new EntryDateCorrectedEvent(pathwayId, participantId, territoryId, chantierId, entryDate,
                command.entryDate()));
    }

    @CommandHandler
    void handle(CorrectExitCommand command, ProgramCatalog programs) {
        requireEnrolled();
        if (exitDate == null || promotedTo != null) {
            throw new RuleViolationException("NO_EXIT_TO_CORRECT",
                    "This pathway has no recorded exit to correct" + (promotedTo != null ? ": it was promoted" : ""));
        }
        requireValidExit(programs.require(program), entryDate, command.exitDate());
        apply(new ExitCorrectedEvent(pathwayId, participantId, program, territoryId, chantierId, command.exitDate(),
                command.category(), command.housingAtExit()));
    }

    @CommandHandler
    void handle(RecordCheckInCommand command, ProgramCatalog programs) {
        requireEnrolled();
        Program.FollowUp followUp = programs.require(program).followUp();
        if (!followUp.exists() || exitDate == null || promotedTo != null) {
            throw new RuleViolationException("NO_FOLLOW_UP",
                    "Only an exited pathway of a program with a follow-up is followed up");
        }
        if (!followUp.milestones().contains(command.milestoneMonths())) {
            throw new RuleViolationException("UNKNOWN_MILESTONE", "Check-ins are due at "
                    + followUp.milestones() + " months after the exit");
        }
        if (command.checkInDate().isBefore(exitDate)) {
            throw new RuleViolationException("CHECK_IN_BEFORE_EXIT",
                    "The check-in date " + command.checkInDate() + " is before the exit on " + exitDate);
        }
        LocalDate closesOn = followUp.closesOn(exitDate);
        if (command.checkInDate().isAfter(closesOn)) {
            throw new RuleViolationException("FOLLOW_UP_CLOSED", "The follow-up closed on " + closesOn);
        }
        if (checkIns.contains(command.milestoneMonths())) {
            throw new RuleViolationException("CHECK_IN_ALREADY_RECORDED",
                    "The " + command.milestoneMonths() + "-month check-in is already recorded");
        }
        apply(new CheckInRecordedEvent(pathwayId, participantId, territoryId, chantierId, command.milestoneMonths(),
                command.checkInDate(), command.employmentStatus(), command.housingSituation()));
    }

    private static ParticipantEnrolledEvent enrolled(String pathwayId, String participantId, String program,
                                                     EnrolmentSite site, LocalDate entryDate, String promotedFrom) {
        return new ParticipantEnrolledEvent(pathwayId, participantId, program, site.territoryId(), site.chantierId(),
                entryDate, promotedFrom);
    }

    /** Doors refuse unknown programs as bad input first; this keeps the aggregate from trusting them. */
    private static Program programOf(ProgramCatalog programs, String code) {
        return programs.find(code).orElseThrow(() -> new RuleViolationException("UNKNOWN_PROGRAM",
                "Program " + code + " is not configured; programs are " + programs.codes()));
    }

    private static void requireValidExit(Program rules, LocalDate entry, LocalDate exit) {
        if (exit.isBefore(entry)) {
            throw new RuleViolationException("EXIT_BEFORE_ENTRY",
                    "The exit date " + exit + " is before the entry date " + entry);
        }
        requireWithinLimit(rules, entry, exit, "the exit on " + exit);
    }

    /**
     * A pathway runs at most its program's longest duration: {@code day} must not be after
     * {@link Program#durationLimit}. The code keeps its first name, from Convergence's 5 years, for every program.
     */
    private static void requireWithinLimit(Program rules, LocalDate entry, LocalDate day, String what) {
        rules.durationLimit(entry).filter(day::isAfter).ifPresent(limit -> {
            throw new RuleViolationException("PAST_FIVE_YEARS", "A " + rules.code() + " pathway lasts at most "
                    + rules.maxDurationMonths().orElseThrow() + " months: from " + entry + " it ends by " + limit
                    + ", before " + what);
        });
    }

    private void requireEnrolled() {
        if (abandoned) {
            throw new NotFoundException("Pathway not found: its enrolment was abandoned");
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
    void on(EnrolmentAbandonedEvent event) {
        this.streamId = Streams.pathway(event.pathwayId());
        this.pathwayId = event.pathwayId();
        this.abandoned = true;
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
