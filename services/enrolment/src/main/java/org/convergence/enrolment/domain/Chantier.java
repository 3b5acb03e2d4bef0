package org.convergence.enrolment.domain;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.convergence.enrolment.domain.ChantierMessages.ChantierRegisteredEvent;
import org.convergence.enrolment.domain.ChantierMessages.ProgramStartedEvent;
import org.convergence.enrolment.domain.ChantierMessages.RegisterChantierCommand;
import org.convergence.enrolment.domain.ChantierMessages.StartProgramCommand;
import org.convergence.platform.domain.RuleViolationException;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** An insertion structure (ACI) of one territory, carrying one or more programs, each from a date. */
public class Chantier {

    @AggregateIdentifier
    private String streamId;
    private String territoryId;
    private final Map<String, LocalDate> programs = new HashMap<>();

    protected Chantier() {
        // for Axon
    }

    @CommandHandler
    public Chantier(RegisterChantierCommand command) {
        if (command.programs().isEmpty()) {
            throw new RuleViolationException("CHANTIER_WITHOUT_PROGRAM", "A chantier carries at least one program");
        }
        Set<String> seen = new HashSet<>();
        for (ProgramStart program : command.programs()) {
            if (!seen.add(program.program())) {
                throw new RuleViolationException("PROGRAM_LISTED_TWICE",
                        "Program " + program.program() + " is listed twice");
            }
        }
        apply(new ChantierRegisteredEvent(command.chantierId(), command.territoryId(), command.name(),
                command.programs()));
    }

    @CommandHandler
    void handle(StartProgramCommand command) {
        LocalDate carriedSince = programs.get(command.program());
        if (command.since().equals(carriedSince)) {
            return; // the same decision, sent again
        }
        if (carriedSince != null) {
            throw new RuleViolationException("PROGRAM_ALREADY_CARRIED",
                    "The chantier carries " + command.program() + " since " + carriedSince);
        }
        apply(new ProgramStartedEvent(command.chantierId(), territoryId, command.program(), command.since()));
    }

    @EventSourcingHandler
    void on(ChantierRegisteredEvent event) {
        this.streamId = Streams.chantier(event.chantierId());
        this.territoryId = event.territoryId();
        event.programs().forEach(p -> programs.put(p.program(), p.since()));
    }

    @EventSourcingHandler
    void on(ProgramStartedEvent event) {
        programs.put(event.program(), event.since());
    }
}
