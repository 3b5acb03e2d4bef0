package org.convergence.enrolment.domain;

import org.convergence.platform.domain.RuleViolationException;

import java.util.Set;

/**
 * Where a pathway takes place: a chantier, its territory, and the programs the chantier carries, as its own stream
 * says when the command is sent. Enrolments and promotions carry it, so the pathway aggregate decides on the
 * chantier's programs without reading another stream.
 */
public record EnrolmentSite(String territoryId, String chantierId, Set<String> programs) {

    public EnrolmentSite {
        programs = Set.copyOf(programs);
    }

    /** A pathway's program must be carried by its chantier (since when does not matter: DOMAIN.md, the Lyon case). */
    public void requireCarries(String program) {
        if (!programs.contains(program)) {
            throw new RuleViolationException("PROGRAM_NOT_CARRIED",
                    "Chantier " + chantierId + " does not carry " + program);
        }
    }
}
