package org.convergence.enrolment.domain;

/**
 * The founding programs, whose rules the domain knows by name. Which programs exist is configuration
 * ({@code enrolment.programs}); a new program without special rules needs no code.
 */
public final class Programs {

    public static final String PREMIERES_HEURES = "PREMIERES_HEURES";
    public static final String CONVERGENCE = "CONVERGENCE";

    private Programs() {
    }
}
