package org.convergence.hours.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.convergence.contracts.input.DateWindows;
import org.convergence.hours.application.StoreSchedules;
import org.convergence.hours.domain.StoreScheduleMessages.Accepted;
import org.convergence.hours.domain.StoreScheduleMessages.Change;
import org.convergence.hours.domain.StoreScheduleMessages.ScheduleRequest;
import org.convergence.platform.domain.NotFoundException;
import org.convergence.platform.domain.RuleViolationException;
import org.convergence.platform.input.PlausibleDate;
import org.convergence.platform.rest.InvalidFieldsException;
import org.convergence.platform.rest.Problem;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The service-to-service door of the combined weekly schedule (ADR 0020), for the employer transitions service
 * only: role {@value #STORE_SCHEDULER}, which no person's token carries and which reaches nothing else. Idempotent by
 * the key the caller chooses, {@code <transitionId>:<number>} (the transition and the number of its schedule change):
 * the same key and body answer the same; the same key with another body is a 409 naming the rule.
 */
@Path("/service/pathways/{pathwayId}/store-schedule/{transitionId}/{number}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(StoreScheduleResource.STORE_SCHEDULER)
@SecurityRequirement(name = "jwt")
public class StoreScheduleResource {

    /** The role of the transitions service's token towards hours: changing store hours, nothing else. */
    public static final String STORE_SCHEDULER = "store-scheduler";
    /** The highest number of a transition's schedule change. */
    public static final int MAX_CHANGE = 999_999;

    private final StoreSchedules schedules;

    public StoreScheduleResource(StoreSchedules schedules) {
        this.schedules = schedules;
    }

    /**
     * @param storeHours    whole store hours a week from the ISO week of {@code on}; absent for BACK_TO_CHANTIER
     * @param chantierHours whole chantier hours a week from then; absent for BACK_TO_CHANTIER (the contract before
     *                      the transition)
     */
    public record ScheduleBody(
            @NotNull UUID transitionId,
            @NotNull Change change,
            @NotNull @PlausibleDate(DateWindows.DECISION) LocalDate on,
            @Min(0) @Max(35) Integer storeHours,
            @Min(0) @Max(35) Integer chantierHours) {
    }

    @PUT
    @Operation(summary = "Service to service (transitions): change the store side of a pathway's weekly schedule, "
            + "with the chantier side, if every ISO week stays at or under 35 hours (WEEKLY_LIMIT_35)")
    public Response schedule(@PathParam("pathwayId") String pathwayId,
                             @PathParam("transitionId") UUID transitionId,
                             @PathParam("number") @Min(1) @Max(MAX_CHANGE) int number,
                             @Valid @NotNull ScheduleBody body) {
        String key = transitionId + ":" + number;
        if (!body.transitionId().equals(transitionId)) {
            throw new InvalidFieldsException("transitionId", "must be the transition of the path");
        }
        ScheduleRequest request = new ScheduleRequest(body.transitionId().toString(), body.change(), body.on(),
                body.storeHours(), body.chantierHours());
        try {
            Accepted accepted = schedules.schedule(pathwayId, key, request);
            return Response.ok(accepted).build();
        } catch (RuleViolationException refused) {
            if (!"SCHEDULE_KEY_REUSED".equals(refused.code())) {
                throw refused;
            }
            return Problem.response(409, "Conflict", refused.getMessage(), refused.code(), List.of());
        }
    }

    @GET
    @Operation(summary = "Service to service (transitions): what was accepted under this key, if anything (404 "
            + "otherwise): how the transitions service heals after it crashed between hours' answer and its own fact")
    public Accepted accepted(@PathParam("pathwayId") String pathwayId,
                             @PathParam("transitionId") UUID transitionId,
                             @PathParam("number") @Min(1) @Max(MAX_CHANGE) int number) {
        return schedules.accepted(pathwayId, transitionId + ":" + number).orElseThrow(() -> new NotFoundException("No schedule change "
                + "was accepted under this key"));
    }
}
