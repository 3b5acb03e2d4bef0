package org.convergence.platform.security;

/**
 * The roles carried in the {@code groups} claim of a bearer token. Scoped roles also carry the
 * {@code territory} or {@code chantier} claim they are limited to.
 */
public final class Roles {

    /** Convergence France national team: sees and manages everything. */
    public static final String NATIONAL = "national";
    /** Coordination structure of one territory ({@code territory} claim). */
    public static final String TERRITORY_COORDINATOR = "territory-coordinator";
    /** Staff of one chantier ({@code territory} and {@code chantier} claims). */
    public static final String CHANTIER_STAFF = "chantier-staff";
    /** Evaluators and funders: aggregated, non-personal figures only. */
    public static final String EVALUATOR = "evaluator";

    public static final String TERRITORY_CLAIM = "territory";
    public static final String CHANTIER_CLAIM = "chantier";

    private Roles() {
    }
}
