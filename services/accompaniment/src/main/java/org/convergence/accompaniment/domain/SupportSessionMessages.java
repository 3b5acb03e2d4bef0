package org.convergence.accompaniment.domain;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** A chantier's collective psychological support sessions: kind, date and a count of participants, no names. */
public final class SupportSessionMessages {

    private SupportSessionMessages() {
    }

    /** @param sessionId chosen by the caller, so a retried request cannot record a session twice */
    public record RecordSupportSessionCommand(String territoryId, String chantierId, String sessionId,
                                              SupportSessionKind kind, LocalDate heldOn, int participants) {
        @TargetAggregateIdentifier
        public String streamId() {
            return Streams.supportSessions(chantierId);
        }
    }

    public record SupportSessionHeldEvent(String territoryId, String chantierId, String sessionId,
                                          SupportSessionKind kind, LocalDate heldOn, int participants) {
    }
}
