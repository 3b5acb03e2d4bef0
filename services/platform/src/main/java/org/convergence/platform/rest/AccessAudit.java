package org.convergence.platform.rest;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.ext.Provider;
import org.jboss.logging.Logger;

import java.security.Principal;

/**
 * One audit line per API call: who (token subject), what (method and path of pseudonymous ids), the outcome.
 * Never the body, so no personal data ends up in logs. Category {@code audit}, so a log pipeline can keep it apart.
 */
@Provider
public class AccessAudit implements ContainerResponseFilter {

    private static final Logger AUDIT = Logger.getLogger("audit");

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        Principal caller = request.getSecurityContext().getUserPrincipal();
        AUDIT.infof("subject=%s method=%s path=/%s status=%d",
                caller == null ? "-" : caller.getName(), request.getMethod(),
                request.getUriInfo().getPath().replaceFirst("^/", ""), response.getStatus());
    }
}
