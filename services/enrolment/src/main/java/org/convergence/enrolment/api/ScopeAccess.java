package org.convergence.enrolment.api;

import org.convergence.enrolment.application.Access;
import org.convergence.platform.security.CallerScope;

/** A REST caller's reach, from its token: what {@link CallerScope} lets through, with its 403 and 404. */
record ScopeAccess(CallerScope scope) implements Access {

    @Override
    public void requireChantier(String territoryId, String chantierId) {
        scope.requireChantierAccess(territoryId, chantierId);
    }

    @Override
    public RuntimeException missing(String what) {
        return scope.missing(what);
    }
}
