package org.convergence.hours.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.axonframework.messaging.MetaData;
import org.convergence.hours.application.KnownPathways;
import org.convergence.hours.application.Timesheets;
import org.convergence.hours.application.WeekReport;
import org.convergence.hours.application.WeekResult;
import org.convergence.platform.domain.RuleViolationException;
import org.convergence.platform.security.CallerScope;
import org.convergence.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

import java.util.ArrayList;
import java.util.List;

/**
 * The REST door for chantier software that cannot produce to Kafka: a batch of weeks for one chantier, recorded as
 * the timesheet topic's records are ({@link Timesheets}). A chantier's staff reach their own chantier only.
 */
@Path("/chantiers/{chantierId}/timesheets")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.NATIONAL, Roles.TERRITORY_COORDINATOR, Roles.CHANTIER_STAFF})
@SecurityRequirement(name = "jwt")
public class TimesheetResource {

    private final Timesheets timesheets;
    private final KnownPathways pathways;
    private final CallerScope scope;

    public TimesheetResource(Timesheets timesheets, KnownPathways pathways, CallerScope scope) {
        this.timesheets = timesheets;
        this.pathways = pathways;
        this.scope = scope;
    }

    @POST
    @Operation(summary = "Record the weeks of a chantier's pathways (minutes worked and absent by kind): each line is "
            + "recorded, corrected, unchanged or refused with the rule, and a refused line never stops the others")
    public TimesheetReport record(@PathParam("chantierId") String chantierId,
                                  @Valid @NotNull Requests.Timesheet request) {
        ScopeReach reach = new ScopeReach(scope);
        String territoryId = pathways.chantier(chantierId).orElseThrow(() -> reach.unknownChantier(chantierId))
                .territoryId();
        reach.requireChantier(territoryId, chantierId);
        List<WeekReport> reports = request.lines().stream().map(line -> new WeekReport(line.pathwayId().toString(),
                line.week(), line.minutesWorked(), line.absences() == null
                ? org.convergence.hours.domain.AbsenceMinutes.NONE : line.absences().minutes(), null)).toList();
        List<WeekResult> results = timesheets.record(chantierId, reports, MetaData.with("source", "rest"));
        return reportOf(reports, results);
    }

    private static TimesheetReport reportOf(List<WeekReport> reports, List<WeekResult> results) {
        int[] counts = new int[4];
        List<TimesheetReport.LineResult> lines = new ArrayList<>(results.size());
        for (int i = 0; i < results.size(); i++) {
            WeekResult result = results.get(i);
            WeekReport report = reports.get(i);
            if (result.refused()) {
                counts[3]++;
                lines.add(new TimesheetReport.LineResult(i, report.pathwayId(), report.week(), "REFUSED",
                        problemOf(result.refusal())));
            } else {
                counts[result.outcome().ordinal()]++;
                lines.add(new TimesheetReport.LineResult(i, report.pathwayId(), report.week(),
                        result.outcome().name(), null));
            }
        }
        return new TimesheetReport(counts[0], counts[1], counts[2], counts[3], lines);
    }

    /** A refused line as the problem a lone request would get; a failure that is no rule is the whole request's. */
    private static org.convergence.platform.rest.Problem problemOf(RuntimeException refusal) {
        if (refusal instanceof RuleViolationException rule) {
            return new org.convergence.platform.rest.Problem("about:blank", "Unprocessable Content", 422,
                    rule.getMessage(), rule.code(), List.of());
        }
        throw refusal;
    }
}
