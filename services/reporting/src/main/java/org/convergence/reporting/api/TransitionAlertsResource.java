package org.convergence.reporting.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.mongodb.client.model.Filters;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.bson.Document;
import org.convergence.platform.domain.NotFoundException;
import org.convergence.platform.security.CallerScope;
import org.convergence.platform.security.Roles;
import org.convergence.platform.time.BusinessDates;
import org.convergence.reporting.figures.FiguresService;
import org.convergence.reporting.figures.TransitionYear.MeetingAlert;
import org.convergence.reporting.projection.ReportingModel;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

/**
 * The meeting alert list of employer transitions (issue 10, item 4): transitions in progress whose last follow-up
 * meeting, or start, is more than the configured weeks old on a day, computed from the stored facts on each call.
 * Pseudonymous ids only; for the national team, the territory's coordination and, for a chantier, its staff.
 */
@Path("/transition-alerts")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "jwt")
public class TransitionAlertsResource {

    private final FiguresService figures;
    private final ReportingModel model;
    private final CallerScope scope;

    public TransitionAlertsResource(FiguresService figures, ReportingModel model, CallerScope scope) {
        this.figures = figures;
        this.model = model;
        this.scope = scope;
    }

    /** The alerts of a territory or a chantier on a day, with their count and the weeks that make an alert. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record AlertList(String territoryId, String chantierId, LocalDate asOf, int weeks, int count,
                            List<MeetingAlert> alerts) {
    }

    @GET
    @Path("/territories/{territoryId}")
    @RolesAllowed({Roles.NATIONAL, Roles.TERRITORY_COORDINATOR})
    @Operation(summary = "Transitions of a territory without a follow-up meeting for more than the configured weeks "
            + "(default 4) on a day (today if absent)")
    public AlertList territory(@PathParam("territoryId") String territoryId, @QueryParam("asOf") LocalDate asOf) {
        scope.requireTerritoryManager(territoryId);
        Document territory = model.territories().find(Filters.eq("_id", territoryId)).first();
        if (territory == null) {
            throw new NotFoundException("No data for territory " + territoryId);
        }
        return list(territoryId, null, territory.getList("chantierIds", String.class, List.of()), asOf);
    }

    @GET
    @Path("/chantiers/{chantierId}")
    @RolesAllowed({Roles.NATIONAL, Roles.TERRITORY_COORDINATOR, Roles.CHANTIER_STAFF})
    @Operation(summary = "Transitions of a chantier without a follow-up meeting for more than the configured weeks "
            + "(default 4) on a day (today if absent)")
    public AlertList chantier(@PathParam("chantierId") String chantierId, @QueryParam("asOf") LocalDate asOf) {
        Document chantier = model.chantiers().find(Filters.eq("_id", chantierId)).first();
        String territoryId = chantier == null ? null : chantier.getString("territoryId");
        if (territoryId == null) {
            if (scope.isNational()) {
                throw new NotFoundException("No data for chantier " + chantierId);
            }
            throw scope.denied();
        }
        scope.requireChantierAccess(territoryId, chantierId);
        return list(territoryId, chantierId, List.of(chantierId), asOf);
    }

    private AlertList list(String territoryId, String chantierId, Collection<String> chantierIds, LocalDate asOf) {
        LocalDate day = BusinessDates.orToday(asOf);
        List<MeetingAlert> alerts = figures.transitionYear().alerts(figures.transitionsAt(chantierIds), day);
        return new AlertList(territoryId, chantierId, day, figures.transitionYear().alertWeeks(), alerts.size(),
                alerts);
    }
}
