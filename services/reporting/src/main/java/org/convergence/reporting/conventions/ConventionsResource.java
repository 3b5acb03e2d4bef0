package org.convergence.reporting.conventions;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.convergence.platform.security.CallerScope;
import org.convergence.platform.security.Roles;
import org.convergence.reporting.export.EvaluatorFigures;
import org.convergence.reporting.export.LinkedFigures;
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
    private final CallerScope scope;
    private final EvaluatorFigures evaluators;

    public ConventionsResource(Conventions conventions, CallerScope scope, EvaluatorFigures evaluators) {
        this.conventions = conventions;
        this.scope = scope;
        this.evaluators = evaluators;
    }

    @GET
    @Path("/{year}")
    @RolesAllowed({Roles.NATIONAL, Roles.EVALUATOR})
    @Operation(summary = "Each funding convention's targets and where the nation stands at the end of the year "
            + "(today for the current year)", description = "For an evaluator, a target that counts people (the "
            + "program's participants) is under the year's secrecy decision over the figure tables: where the nation's "
            + "figure is secret, its `actual` and `reached` are null and its `what` is listed in the progress's "
            + "`secret` array (`[]` when none is); other readers get no `secret` key.")
    public List<ConventionProgress.Progress> progress(@PathParam("year") @Min(2000) @Max(2100) int year) {
        if (scope.isEvaluator()) {
            // The nation's figures of the evaluator's snapshot, and the decision taken on them (ADR 0040).
            EvaluatorFigures.YearOfFigures read = evaluators.year(Year.of(year));
            return ConventionProgress.underSecrecy(conventions.progress(Year.of(year), read.live()),
                    read.secret().keysOf(LinkedFigures.NATION));
        }
        return conventions.progress(Year.of(year));
    }
}
