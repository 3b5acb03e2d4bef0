package org.convergence.platform.rest;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.ext.Provider;
import org.convergence.contracts.input.Excerpt;
import org.jboss.logging.Logger;

import java.security.Principal;

/**
 * One audit line per API call: who (token subject), what (method and path of pseudonymous ids), the outcome.
 * Never the body, so no personal data ends up in logs. Category {@code audit}, so a log pipeline can keep it apart.
 * Calls refused by the HTTP layer before any resource ({@link HttpDoor}) are logged too, with no subject. The path is
 * bounded and escaped: a client cannot write a line break or megabytes into the log.
 */
@Provider
public class AccessAudit implements ContainerResponseFilter {

    private static final Logger AUDIT = Logger.getLogger("audit");
    private static final int MAX_PATH = 300;

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        Principal caller = request.getSecurityContext().getUserPrincipal();
        log(caller == null ? null : caller.getName(), request.getMethod(), request.getUriInfo().getPath(),
                response.getStatus());
    }

    static void log(String subject, String method, String path, int status) {
        String relative = path == null ? "" : path.replaceFirst("^/", "");
        AUDIT.infof("subject=%s method=%s path=/%s status=%d", subject == null ? "-" : Excerpt.of(subject, 100),
                Excerpt.of(method, 20), Excerpt.of(relative, MAX_PATH), status);
    }
}
