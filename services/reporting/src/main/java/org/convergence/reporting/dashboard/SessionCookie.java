package org.convergence.reporting.dashboard;

import jakarta.ws.rs.core.NewCookie;

import java.time.Duration;

/**
 * The dashboard's sign-in: the bearer token kept in an HttpOnly, SameSite=Strict cookie, which SmallRye JWT reads
 * (application.properties: {@code mp.jwt.token.cookie}); the API still takes the Authorization header. Strict
 * same-site keeps another site's form from posting with it; HttpOnly keeps scripts from reading it.
 */
public final class SessionCookie {

    public static final String NAME = "convergence_token";

    private SessionCookie() {
    }

    public static NewCookie of(String token, Duration validity, boolean secure) {
        return new NewCookie.Builder(NAME).value(token).path("/").httpOnly(true).secure(secure)
                .sameSite(NewCookie.SameSite.STRICT).maxAge((int) Math.max(0, validity.toSeconds())).build();
    }

    public static NewCookie cleared(boolean secure) {
        return new NewCookie.Builder(NAME).value("").path("/").httpOnly(true).secure(secure)
                .sameSite(NewCookie.SameSite.STRICT).maxAge(0).build();
    }
}
