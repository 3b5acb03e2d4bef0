package org.convergence.reporting.conventions;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.convergence.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

import java.time.Year;
import java.util.List;

/** The funding conventions' targets and the nation's progress against them. */
@Path("/conventions")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "jwt")
public class ConventionsResource {

    private final Conventions conventions;

    public ConventionsResource(Conventions conventions) {
        this.conventions = conventions;
    }

    @GET
    @Path("/{year}")
    @RolesAllowed({Roles.NATIONAL, Roles.EVALUATOR})
    @Operation(summary = "Each funding convention's targets and where the nation stands at the end of the year "
            + "(today for the current year)")
    public List<ConventionProgress.Progress> progress(@PathParam("year") @Min(2000) @Max(2100) int year) {
        return conventions.progress(Year.of(year));
    }
}
