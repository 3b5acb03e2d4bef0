package org.convergence.contracts.enrolment;

import org.convergence.contracts.IntegrationPayload;

import java.time.LocalDate;
import java.util.List;

/** A chantier was registered in a territory, with the programs it carries and from when. */
public record ChantierRegisteredV1(String chantierId, String territoryId, String name, List<ProgramCarried> programs)
        implements IntegrationPayload {

    /** One program carried by the chantier from a date. */
    public record ProgramCarried(String program, LocalDate since) {
    }
}
