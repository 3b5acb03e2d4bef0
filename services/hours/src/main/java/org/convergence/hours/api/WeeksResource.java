package org.convergence.hours.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.convergence.hours.application.ContractedHours;
import org.convergence.hours.domain.IsoWeek;
import org.convergence.hours.query.WeekView;
import org.convergence.platform.rest.InvalidFieldsException;
import org.convergence.platform.security.CallerScope;
import org.convergence.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

import java.util.List;

/** A participant's weeks in one pathway: contracted vs worked vs absences, in week order. */
@Path("/pathways/{pathwayId}/weeks")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.NATIONAL, Roles.TERRITORY_COORDINATOR, Roles.CHANTIER_STAFF})
@SecurityRequirement(name = "jwt")
public class WeeksResource {

    private final ContractedHours contractedHours;
    private final CallerScope scope;

    public WeeksResource(ContractedHours contractedHours, CallerScope scope) {
        this.contractedHours = contractedHours;
        this.scope = scope;
    }

    @GET
    @Operation(summary = "A pathway's weeks from `from` to `to` (YYYY-Www; its entry week and the current or exit "
            + "week by default, at most 106 weeks): contracted hours, minutes worked and absent")
    public List<WeekView> weeks(@PathParam("pathwayId") String pathwayId, @QueryParam("from") String from,
                                @QueryParam("to") String to) {
        return contractedHours.weeks(pathwayId, week("from", from), week("to", to), new ScopeReach(scope));
    }

    private static IsoWeek week(String name, String text) {
        if (text == null) {
            return null;
        }
        return IsoWeek.parse(text).orElseThrow(() -> new InvalidFieldsException(name,
                "must be an existing ISO week written YYYY-Www, e.g. 2020-W05"));
    }
}
