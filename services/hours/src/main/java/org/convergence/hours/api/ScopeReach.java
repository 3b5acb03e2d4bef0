package org.convergence.hours.api;

import org.convergence.hours.application.KnownPathways;
import org.convergence.hours.application.Reach;
import org.convergence.platform.security.CallerScope;

/**
 * A REST caller's reach from its token, as enrolment's: the national team, the coordinator of the pathway's
 * territory, the staff of its chantier. An unknown pathway is a 422 naming the rule for the national team, and the
 * same 403 as any other pathway outside their scope for everyone else.
 */
record ScopeReach(CallerScope scope) implements Reach {

    @Override
    public void requireChantier(String territoryId, String chantierId) {
        scope.requireChantierAccess(territoryId, chantierId);
    }

    @Override
    public RuntimeException unknownPathway(String pathwayId) {
        return scope.isNational() ? KnownPathways.unknown(pathwayId) : scope.denied();
    }

    @Override
    public RuntimeException unknownChantier(String chantierId) {
        return scope.missing("Chantier");
    }
}
