package org.convergence.platform.security;

import io.quarkus.security.ForbiddenException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.json.JsonString;
import org.convergence.platform.domain.NotFoundException;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.Optional;

/**
 * What the caller may see, from the verified token. Every check that fails throws the same 403 whatever
 * the reason, so a scoped user learns nothing about other territories or chantiers, not even whether
 * they exist.
 */
@RequestScoped
public class CallerScope {

    private final JsonWebToken token;

    public CallerScope(JsonWebToken token) {
        this.token = token;
    }

    public String subject() {
        return token.getName();
    }

    public boolean isNational() {
        return token.getGroups().contains(Roles.NATIONAL);
    }

    public boolean isEvaluator() {
        return has(Roles.EVALUATOR);
    }

    public boolean isTerritoryCoordinator() {
        return has(Roles.TERRITORY_COORDINATOR);
    }

    public Optional<String> territory() {
        return claim(Roles.TERRITORY_CLAIM);
    }

    public Optional<String> chantier() {
        return claim(Roles.CHANTIER_CLAIM);
    }

    /** National team, or the coordinator of this territory. */
    public void requireTerritoryManager(String territoryId) {
        if (isNational()) {
            return;
        }
        if (has(Roles.TERRITORY_COORDINATOR) && territory().filter(territoryId::equals).isPresent()) {
            return;
        }
        throw denied();
    }

    /** National team, the coordinator of the chantier's territory, or the staff of this chantier. */
    public void requireChantierAccess(String territoryId, String chantierId) {
        if (!hasChantierAccess(territoryId, chantierId)) {
            throw denied();
        }
    }

    /** Whether {@link #requireChantierAccess} would let the caller through, for filtering lists. */
    public boolean hasChantierAccess(String territoryId, String chantierId) {
        return isNational()
                || has(Roles.TERRITORY_COORDINATOR) && territory().filter(territoryId::equals).isPresent()
                || has(Roles.CHANTIER_STAFF) && chantier().filter(chantierId::equals).isPresent();
    }

    /** National team, or anyone (coordinator, chantier staff) working in this territory. */
    public void requireTerritoryMember(String territoryId) {
        if (isNational() || territory().filter(territoryId::equals).isPresent()) {
            return;
        }
        throw denied();
    }

    /**
     * What to answer for a resource that does not exist: the national team learns it is missing (404);
     * a scoped caller gets the same 403 as for another territory's resource.
     */
    public RuntimeException missing(String what) {
        return isNational() ? new NotFoundException(what + " not found") : denied();
    }

    /** Aggregated figures of a territory: national team, evaluators, or that territory's coordinator. */
    public void requireTerritoryFigures(String territoryId) {
        if (isNational() || has(Roles.EVALUATOR)) {
            return;
        }
        requireTerritoryManager(territoryId);
    }

    public ForbiddenException denied() {
        return new ForbiddenException("Outside the caller's scope");
    }

    private boolean has(String role) {
        return token.getGroups().contains(role);
    }

    private Optional<String> claim(String name) {
        Object value = token.getClaim(name);
        if (value instanceof JsonString json) {
            return Optional.of(json.getString());
        }
        return Optional.ofNullable(value).map(Object::toString);
    }
}
