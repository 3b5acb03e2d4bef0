package org.convergence.transitions.api;

import jakarta.ws.rs.core.Response;
import org.convergence.platform.rest.Problem;
import org.convergence.transitions.application.WeeklySchedule;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.List;

/** A schedule key the hours service holds for another change: a 409 naming the rule, as hours answers it. */
public class TransitionProblems {

    @ServerExceptionMapper
    public Response keyUsed(WeeklySchedule.KeyAlreadyUsedException e) {
        return Problem.response(409, "Conflict", "This transition's schedule change was already accepted by the "
                + "hours service with another request; use a new transition id", "SCHEDULE_KEY_REUSED", List.of());
    }
}
