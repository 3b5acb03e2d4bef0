package org.convergence.enrolment.domain;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.convergence.enrolment.domain.PathwayMessages.EnrolParticipantCommand;
import org.convergence.enrolment.domain.PathwayMessages.ParticipantEnrolledEvent;
import org.convergence.enrolment.domain.PathwayMessages.PathwayExitRecordedEvent;
import org.convergence.enrolment.domain.PathwayMessages.RecordExitCommand;
import org.convergence.platform.domain.RuleViolationException;

import java.time.LocalDate;

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

    protected Pathway() {
        // for Axon
    }

    @CommandHandler
    public Pathway(EnrolParticipantCommand command) {
        apply(new ParticipantEnrolledEvent(command.pathwayId(), command.participantId(), command.program(),
                command.territoryId(), command.chantierId(), command.entryDate()));
    }

    @CommandHandler
    void handle(RecordExitCommand command) {
        if (exitDate != null) {
            throw new RuleViolationException("PATHWAY_ALREADY_EXITED",
                    "This pathway already ended on " + exitDate + "; correct the exit instead");
        }
        if (command.exitDate().isBefore(entryDate)) {
            throw new RuleViolationException("EXIT_BEFORE_ENTRY",
                    "The exit date " + command.exitDate() + " is before the entry date " + entryDate);
        }
        apply(new PathwayExitRecordedEvent(pathwayId, participantId, program, territoryId, chantierId,
                command.exitDate(), command.category(), command.housingAtExit()));
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
}
