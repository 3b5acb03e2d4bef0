package org.convergence.reporting.dashboard;

import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

/**
 * OpenID Connect sign-in (production, ADR 0022): {@code /dashboard/sign-in/oidc} sends the browser to the identity
 * provider with a fresh state, nonce and PKCE verifier kept in a short-lived cookie; the callback checks the state,
 * exchanges the code, verifies the ID token as the API verifies bearer tokens, checks its nonce and audience, and
 * keeps it in the dashboard's session cookie. Where no provider is configured (locally) it answers 404 and the
 * launcher's tokens are pasted in the sign-in form instead.
 */
@Path("/dashboard/sign-in/oidc")
@PermitAll
public class OidcSignInResource {

    static final String FLOW_COOKIE = "convergence_oidc_flow";
    private static final Logger LOG = Logger.getLogger(OidcSignInResource.class);
    private static final Duration FLOW_VALIDITY = Duration.ofMinutes(10);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();

    private final OidcProvider provider;
    private final JWTParser parser;
    private final DashboardPages pages;
    private final boolean secureCookie;

    public OidcSignInResource(OidcProvider provider, JWTParser parser, DashboardPages pages,
                              @ConfigProperty(name = "reporting.dashboard.secure-cookie", defaultValue = "false")
                              boolean secureCookie) {
        this.provider = provider;
        this.parser = parser;
        this.pages = pages;
        this.secureCookie = secureCookie;
    }

    @GET
    @Operation(hidden = true, summary = "Sign in through the identity provider (authorization-code flow)")
    public Response start(@Context UriInfo uri) throws IOException {
        if (!provider.configured()) {
            return Response.status(404).build();
        }
        String state = random();
        String nonce = random();
        String verifier = random();
        URI authorization = provider.authorization(state, nonce, challenge(verifier));
        return Response.seeOther(authorization).cookie(flowCookie(state + "." + nonce + "." + verifier,
                FLOW_VALIDITY, uri)).build();
    }

    @GET
    @Path("/callback")
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true, summary = "The identity provider's answer: the code is exchanged for an ID token")
    public Response callback(@QueryParam("code") String code, @QueryParam("state") String state,
                             @CookieParam(FLOW_COOKIE) String flow, @Context UriInfo uri) {
        if (!provider.configured()) {
            return Response.status(404).build();
        }
        String[] parts = flow == null ? new String[0] : flow.split("\\.");
        if (parts.length != 3 || code == null || code.isBlank() || state == null
                || !MessageDigest.isEqual(parts[0].getBytes(StandardCharsets.US_ASCII),
                state.getBytes(StandardCharsets.US_ASCII))) {
            return refused("state", uri);
        }
        JsonWebToken verified;
        String idToken;
        try {
            idToken = provider.idToken(code, parts[2]);
            verified = parser.parse(idToken);
        } catch (IOException | ParseException e) {
            LOG.warnf("OpenID Connect sign-in refused: %s", e.getMessage());
            return refused("token", uri);
        }
        Object nonce = verified.getClaim("nonce");
        if (nonce == null || !MessageDigest.isEqual(parts[1].getBytes(StandardCharsets.US_ASCII),
                nonce.toString().getBytes(StandardCharsets.US_ASCII))) {
            return refused("nonce", uri);
        }
        if (verified.getAudience() == null || !verified.getAudience().contains(provider.clientId())) {
            return refused("audience", uri);
        }
        Duration validity = Duration.between(Instant.now(), Instant.ofEpochSecond(verified.getExpirationTime()));
        // A page rather than a redirect: the browser arrives here from the provider's site, and a SameSite=Strict
        // cookie set now is only sent on a navigation that starts on this site.
        return Response.ok(CONTINUE, MediaType.TEXT_HTML_TYPE)
                .header("Content-Security-Policy", DashboardResource.CONTENT_SECURITY_POLICY)
                .cookie(SessionCookie.of(idToken, validity, secure(uri)), flowCookie("", Duration.ZERO, uri)).build();
    }

    private static final String CONTINUE = "<!DOCTYPE html><html lang=\"fr\"><head><meta charset=\"utf-8\">"
            + "<meta http-equiv=\"refresh\" content=\"0;url=/dashboard\"><title>Connexion réussie</title></head>"
            + "<body><main><p><a href=\"/dashboard\">Continuer vers le tableau de bord</a></p></main></body></html>";

    private Response refused(String why, UriInfo uri) {
        LOG.warnf("OpenID Connect sign-in refused (%s)", why);
        return Response.status(401).type(MediaType.TEXT_HTML_TYPE)
                .entity(pages.signIn("La connexion par le fournisseur d'identité a échoué ; recommencez."))
                .cookie(flowCookie("", Duration.ZERO, uri)).build();
    }

    /** Lax, not Strict: it must come back with the provider's redirect, a navigation from another site. */
    private NewCookie flowCookie(String value, Duration validity, UriInfo uri) {
        return new NewCookie.Builder(FLOW_COOKIE).value(value).path("/dashboard/sign-in/oidc").httpOnly(true)
                .secure(secure(uri)).sameSite(NewCookie.SameSite.LAX).maxAge((int) validity.toSeconds()).build();
    }

    private boolean secure(UriInfo uri) {
        return secureCookie || "https".equalsIgnoreCase(uri.getRequestUri().getScheme());
    }

    private static String random() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return URL.encodeToString(bytes);
    }

    private static String challenge(String verifier) {
        try {
            return URL.encodeToString(MessageDigest.getInstance("SHA-256")
                    .digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
