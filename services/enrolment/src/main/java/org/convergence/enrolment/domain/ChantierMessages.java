package org.convergence.enrolment.domain;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;
import java.util.List;

/** Commands and events of the chantier aggregate. */
public final class ChantierMessages {

    private ChantierMessages() {
    }

    public record RegisterChantierCommand(String chantierId, String territoryId, String name,
                                          List<ProgramStart> programs) {
        @TargetAggregateIdentifier
        public String streamId() {
            return Streams.chantier(chantierId);
        }
    }

    public record ChantierRegisteredEvent(String chantierId, String territoryId, String name,
                                          List<ProgramStart> programs) {
    }

    public record StartProgramCommand(String chantierId, String program, LocalDate since) {
        @TargetAggregateIdentifier
        public String streamId() {
            return Streams.chantier(chantierId);
        }
    }

    /** A registered chantier started carrying one more program, e.g. a chantier joining Convergence. */
    public record ProgramStartedEvent(String chantierId, String territoryId, String program, LocalDate since) {
    }
}
