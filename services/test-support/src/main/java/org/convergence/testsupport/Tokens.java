package org.convergence.testsupport;

import org.convergence.embedded.ConvergenceStack;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Bearer tokens for every role and scope, signed by the test stack's key (which the services under test trust).
 * Role names and claims are those of {@code platform/security/Roles}; a new role gets its method here.
 */
public final class Tokens {

    private static final Duration VALIDITY = Duration.ofHours(1);

    private Tokens() {
    }

    public static String national() {
        return forRole("national-1", "national", Map.of());
    }

    public static String coordinator(String territoryId) {
        return forRole("coord-" + territoryId, "territory-coordinator", Map.of("territory", territoryId));
    }

    public static String staff(String territoryId, String chantierId) {
        return forRole("staff-" + chantierId, "chantier-staff",
                Map.of("territory", territoryId, "chantier", chantierId));
    }

    public static String evaluator() {
        return forRole("evaluator-1", "evaluator", Map.of());
    }

    /** A partner of a territory's directory (ADR 0017): subject {@code partner-<partnerId>}. */
    public static String partner(String territoryId, String partnerId) {
        return forRole("partner-" + partnerId, "partner", Map.of("territory", territoryId, "partner", partnerId));
    }

    /** Any role with any scope claims, under a subject named after the role. */
    public static String of(String role, Map<String, String> claims) {
        return forRole(role + "-user", role, claims);
    }

    /** Any role with any scope claims: for roles other services add (partners, employers, chantier software). */
    public static String forRole(String subject, String role, Map<String, String> claims) {
        return ConvergenceStack.jwt().issue(subject, role, new LinkedHashMap<>(claims), VALIDITY);
    }
}
