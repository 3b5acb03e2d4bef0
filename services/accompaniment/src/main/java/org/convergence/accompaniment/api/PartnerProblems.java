package org.convergence.accompaniment.api;

import jakarta.ws.rs.core.Response;
import org.convergence.accompaniment.application.IdentityErasedException;
import org.convergence.accompaniment.application.ReferralNotAddressedException;
import org.convergence.platform.rest.Problem;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.List;

/** The partner identity door's own refusals, as problem+json with a stable code (ADR 0027). */
public class PartnerProblems {

    @ServerExceptionMapper
    public Response notAddressed(ReferralNotAddressedException e) {
        return Problem.response(403, "Forbidden", e.getMessage(), ReferralNotAddressedException.CODE, List.of());
    }

    @ServerExceptionMapper
    public Response erased(IdentityErasedException e) {
        return Problem.response(410, "Gone", e.getMessage(), IdentityErasedException.CODE, List.of());
    }
}
