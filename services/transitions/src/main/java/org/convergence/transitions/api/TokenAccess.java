package org.convergence.transitions.api;

import jakarta.json.JsonString;
import org.convergence.contracts.input.Identifiers;
import org.convergence.platform.security.CallerScope;
import org.convergence.transitions.application.Access;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.Optional;

/**
 * A REST caller's reach from its verified token. An employer's token (role {@value #EMPLOYER}) names its employer in
 * the {@value #EMPLOYER_CLAIM} claim; without a well-formed one it reaches nothing.
 */
record TokenAccess(CallerScope scope, JsonWebToken token) implements Access {

    /** The role of an employer's staff: its own transitions, to read and follow, nothing else. */
    static final String EMPLOYER = "employer";
    static final String EMPLOYER_CLAIM = "employer";

    @Override
    public boolean reachesChantier(String territoryId, String chantierId) {
        return scope.hasChantierAccess(territoryId, chantierId);
    }

    @Override
    public boolean reachesTerritory(String territoryId) {
        return scope.isNational() || scope.isTerritoryCoordinator()
                && scope.territory().filter(territoryId::equals).isPresent();
    }

    @Override
    public boolean isNational() {
        return scope.isNational();
    }

    @Override
    public Optional<String> employer() {
        if (!token.getGroups().contains(EMPLOYER)) {
            return Optional.empty();
        }
        Object claim = token.getClaim(EMPLOYER_CLAIM);
        String employer = claim instanceof JsonString json ? json.getString() : claim == null ? null : claim.toString();
        return Optional.ofNullable(employer).filter(Identifiers::isSlug);
    }

    @Override
    public RuntimeException denied() {
        return scope.denied();
    }

    @Override
    public RuntimeException missing(String what) {
        return scope.missing(what);
    }
}
