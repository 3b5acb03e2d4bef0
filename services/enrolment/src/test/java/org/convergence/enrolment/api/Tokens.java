package org.convergence.enrolment.api;

import org.convergence.embedded.ConvergenceStack;

import java.time.Duration;
import java.util.Map;

/** Bearer tokens for each role, signed by the test stack's key. */
final class Tokens {

    private Tokens() {
    }

    static String national() {
        return ConvergenceStack.jwt().issue("national-1", "national", Map.of(), Duration.ofHours(1));
    }

    static String coordinator(String territoryId) {
        return ConvergenceStack.jwt().issue("coord-" + territoryId, "territory-coordinator",
                Map.of("territory", territoryId), Duration.ofHours(1));
    }

    static String staff(String territoryId, String chantierId) {
        return ConvergenceStack.jwt().issue("staff-" + chantierId, "chantier-staff",
                Map.of("territory", territoryId, "chantier", chantierId), Duration.ofHours(1));
    }

    static String evaluator() {
        return ConvergenceStack.jwt().issue("evaluator-1", "evaluator", Map.of(), Duration.ofHours(1));
    }
}
