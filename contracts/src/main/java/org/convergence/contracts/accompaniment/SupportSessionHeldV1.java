package org.convergence.contracts.accompaniment;

import org.convergence.contracts.IntegrationPayload;

import java.time.LocalDate;

/** A chantier held a collective psychological support session: kind, date, number of participants (no names). */
public record SupportSessionHeldV1(
        String sessionId,
        String territoryId,
        String chantierId,
        String kind,
        LocalDate heldOn,
        int participants) implements IntegrationPayload {
}
