package org.convergence.reporting.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.convergence.platform.rest.InvalidFieldsException;
import org.convergence.platform.security.CallerScope;
import org.convergence.platform.time.BusinessDates;
import org.convergence.platform.security.Roles;
import org.convergence.reporting.search.ParticipantPage;
import org.convergence.reporting.search.ParticipantSearch;
import org.convergence.reporting.search.PathwayStatus;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

/**
 * Paged search of the participants in the caller's scope: a chantier's staff see their chantier, a coordinator
 * their territory, the national team everything. Pseudonymous ids only; evaluators see figures, not people.
 */
@Path("/participants")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "jwt")
public class ParticipantSearchResource {

    private final ParticipantSearch search;
    private final CallerScope scope;

    public ParticipantSearchResource(ParticipantSearch search, CallerScope scope) {
        this.search = search;
        this.scope = scope;
    }

    @GET
    @RolesAllowed({Roles.NATIONAL, Roles.TERRITORY_COORDINATOR, Roles.CHANTIER_STAFF})
    @Operation(summary = "Participants in the caller's scope, by territory, chantier, program and pathway status "
            + "(ACTIVE, IN_FOLLOW_UP, ENDED as of asOf, today if absent), most recently entered first")
    public ParticipantPage search(@QueryParam("territoryId") String territoryId,
                                  @QueryParam("chantierId") String chantierId,
                                  @QueryParam("program") String program,
                                  @QueryParam("status") String status,
                                  @QueryParam("asOf") LocalDate asOf,
                                  @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                  @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        ParticipantSearch.Criteria criteria = new ParticipantSearch.Criteria(program, statusOf(status),
                BusinessDates.orToday(asOf));
        return search.search(chantiersInScope(territoryId, chantierId), criteria, page, size);
    }

    private List<String> chantiersInScope(String territoryId, String chantierId) {
        if (chantierId != null) {
            String territory = search.territoryOf(chantierId).orElse(null);
            if (territory == null) {
                if (scope.isNational()) {
                    return List.of();
                }
                throw scope.denied();
            }
            // Scope first: whether another territory's chantier exists is not the caller's to learn.
            scope.requireChantierAccess(territory, chantierId);
            return territoryId != null && !territoryId.equals(territory) ? List.of() : List.of(chantierId);
        }
        if (scope.isNational()) {
            return search.chantiersOf(territoryId);
        }
        String own = scope.territory().orElseThrow(scope::denied);
        if (territoryId != null && !territoryId.equals(own)) {
            throw scope.denied();
        }
        return scope.isTerritoryCoordinator() ? search.chantiersOf(own)
                : List.of(scope.chantier().orElseThrow(scope::denied));
    }

    private static PathwayStatus statusOf(String status) {
        if (status == null) {
            return null;
        }
        try {
            return PathwayStatus.valueOf(status);
        } catch (IllegalArgumentException e) {
            throw new InvalidFieldsException("status", "must be one of " + Arrays.toString(PathwayStatus.values()));
        }
    }
}
