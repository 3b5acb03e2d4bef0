package org.convergence.accompaniment.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.convergence.accompaniment.application.SupportSessionLog;
import org.convergence.accompaniment.domain.SupportSessionKind;
import org.convergence.accompaniment.query.SupportSessionView;
import org.convergence.platform.input.PlausibleDate;
import org.convergence.platform.security.CallerScope;
import org.convergence.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A chantier's collective psychological support sessions: counts only, never names. */
@Path("/chantiers/{chantierId}/support-sessions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.NATIONAL, Roles.TERRITORY_COORDINATOR, Roles.CHANTIER_STAFF})
@SecurityRequirement(name = "jwt")
public class SupportSessionResource {

    /** @param sessionId chosen by the caller, so a retried request cannot record twice */
    public record RecordSession(
            @NotNull UUID sessionId,
            @NotNull SupportSessionKind kind,
            @NotNull @PlausibleDate(Requests.ACCOMPANIMENT_DATES) LocalDate heldOn,
            @NotNull @Min(0) @Max(1000) Integer participants) {
    }

    private final SupportSessionLog sessions;
    private final CallerScope scope;

    public SupportSessionResource(SupportSessionLog sessions, CallerScope scope) {
        this.sessions = sessions;
        this.scope = scope;
    }

    @POST
    @Operation(summary = "Record a collective psychological support session: kind, date, number of participants")
    public Response record(@PathParam("chantierId") String chantierId, @Valid @NotNull RecordSession request) {
        SupportSessionView session = sessions.record(chantierId, request.sessionId().toString(), request.kind(),
                request.heldOn(), request.participants(), scope);
        return Response.created(URI.create("/chantiers/" + chantierId + "/support-sessions")).entity(session).build();
    }

    @GET
    @Operation(summary = "The chantier's support sessions")
    public List<SupportSessionView> list(@PathParam("chantierId") String chantierId) {
        return sessions.list(chantierId, scope);
    }
}
