package org.convergence.reporting.dashboard;

import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;

/**
 * Local sign-in: paste a token the launcher printed (or the identity provider issued); it is verified as the API
 * verifies bearer tokens (signature, issuer, expiry) before it is kept in the session cookie, for as long as it is
 * valid. Production puts OpenID Connect in front (ADR 0019).
 */
@Path("/dashboard")
@PermitAll
public class SignInResource {

    private final DashboardPages pages;
    private final JWTParser parser;
    private final boolean secureCookie;

    public SignInResource(DashboardPages pages, JWTParser parser,
                          @ConfigProperty(name = "reporting.dashboard.secure-cookie", defaultValue = "false")
                          boolean secureCookie) {
        this.pages = pages;
        this.parser = parser;
        this.secureCookie = secureCookie;
    }

    @GET
    @Path("/sign-in")
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true, summary = "The dashboard's sign-in page")
    public String form() {
        return pages.signIn(null);
    }

    @POST
    @Path("/sign-in")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true, summary = "Sign in with a bearer token: kept in an HttpOnly, SameSite=Strict cookie")
    public Response signIn(@FormParam("token") String token, @Context UriInfo uri) {
        String candidate = token == null ? "" : token.strip();
        JsonWebToken verified;
        try {
            if (candidate.isEmpty() || candidate.length() > 8192) {
                throw new ParseException("no token");
            }
            verified = parser.parse(candidate);
        } catch (ParseException e) {
            return Response.status(401).type(MediaType.TEXT_HTML_TYPE)
                    .entity(pages.signIn("Ce jeton n'est pas valide ou a expiré. Collez un jeton complet, sans "
                            + "« Bearer ».")).build();
        }
        Duration validity = Duration.between(Instant.now(), Instant.ofEpochSecond(verified.getExpirationTime()));
        return Response.seeOther(URI.create("/dashboard"))
                .cookie(SessionCookie.of(candidate, validity, secure(uri))).build();
    }

    @POST
    @Path("/sign-out")
    @Operation(hidden = true, summary = "Sign out of the dashboard: the session cookie is cleared")
    public Response signOut(@Context UriInfo uri) {
        return Response.seeOther(URI.create("/dashboard/sign-in")).cookie(SessionCookie.cleared(secure(uri))).build();
    }

    /** Secure whenever the page came over HTTPS, or always where configured (behind a TLS-terminating ingress). */
    private boolean secure(UriInfo uri) {
        return secureCookie || "https".equalsIgnoreCase(uri.getRequestUri().getScheme());
    }
}
