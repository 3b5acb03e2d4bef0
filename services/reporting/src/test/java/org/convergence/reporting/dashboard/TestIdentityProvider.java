package org.convergence.reporting.dashboard;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import org.convergence.embedded.ConvergenceStack;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A small OpenID Connect provider for tests (no internet here): a discovery document, an authorization endpoint
 * that signs in at once whoever the test chose ({@link #signInNext}) and redirects back with a code, and a token
 * endpoint that checks the client's secret and the PKCE verifier, then issues an ID token signed with the test
 * stack's key (the one the service trusts), carrying the role and scope claims, the nonce and the audience.
 */
public class TestIdentityProvider implements QuarkusTestResourceLifecycleManager {

    static final String CLIENT_ID = "dashboard";
    static final String CLIENT_SECRET = "test-secret";

    private record Person(String subject, String role, Map<String, String> claims) {
    }

    private record Grant(Person person, String nonce, String challenge, String redirectUri) {
    }

    private static volatile Person next;
    private static volatile String forcedNonce;
    private static final Map<String, Grant> GRANTS = new ConcurrentHashMap<>();
    private HttpServer server;

    /** Who the next authorization signs in, with which role and scope claims. */
    static void signInNext(String subject, String role, Map<String, String> claims) {
        next = new Person(subject, role, Map.copyOf(claims));
        forcedNonce = null;
    }

    /** The next ID token carries this nonce instead of the one the request asked for (a replayed token). */
    static void forceNonce(String nonce) {
        forcedNonce = nonce;
    }

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        String base = "http://127.0.0.1:" + server.getAddress().getPort();
        server.createContext("/.well-known/openid-configuration", exchange -> answer(exchange, 200,
                "{\"issuer\":\"" + base + "\",\"authorization_endpoint\":\"" + base + "/authorize\","
                        + "\"token_endpoint\":\"" + base + "/token\",\"response_types_supported\":[\"code\"]}"));
        server.createContext("/authorize", this::authorize);
        server.createContext("/token", this::token);
        server.start();
        return Map.of("reporting.oidc.provider-url", base,
                "reporting.oidc.client-id", CLIENT_ID,
                "reporting.oidc.client-secret", CLIENT_SECRET,
                "reporting.oidc.redirect-uri", "http://localhost/dashboard/sign-in/oidc/callback");
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    private void authorize(HttpExchange exchange) throws IOException {
        Map<String, String> query = parse(exchange.getRequestURI().getRawQuery());
        if (!CLIENT_ID.equals(query.get("client_id")) || !"S256".equals(query.get("code_challenge_method"))
                || !"code".equals(query.get("response_type")) || next == null) {
            answer(exchange, 400, "{\"error\":\"invalid_request\"}");
            return;
        }
        String code = UUID.randomUUID().toString();
        GRANTS.put(code, new Grant(next, query.get("nonce"), query.get("code_challenge"), query.get("redirect_uri")));
        exchange.getResponseHeaders().add("Location", query.get("redirect_uri") + "?code=" + code + "&state="
                + URLEncoder.encode(query.get("state"), StandardCharsets.UTF_8));
        exchange.sendResponseHeaders(302, -1);
        exchange.close();
    }

    private void token(HttpExchange exchange) throws IOException {
        Map<String, String> form = parse(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        String expected = "Basic " + Base64.getEncoder().encodeToString((CLIENT_ID + ":" + CLIENT_SECRET)
                .getBytes(StandardCharsets.UTF_8));
        Grant grant = GRANTS.remove(form.getOrDefault("code", ""));
        if (!expected.equals(exchange.getRequestHeaders().getFirst("Authorization")) || grant == null
                || !grant.redirectUri().equals(form.get("redirect_uri"))
                || !grant.challenge().equals(s256(form.getOrDefault("code_verifier", "")))) {
            answer(exchange, 400, "{\"error\":\"invalid_grant\"}");
            return;
        }
        Map<String, String> claims = new LinkedHashMap<>(grant.person().claims());
        claims.put("nonce", forcedNonce != null ? forcedNonce : grant.nonce());
        claims.put("aud", CLIENT_ID);
        String idToken = ConvergenceStack.jwt().issue(grant.person().subject(), grant.person().role(), claims,
                Duration.ofMinutes(30));
        answer(exchange, 200, "{\"access_token\":\"opaque\",\"token_type\":\"Bearer\",\"id_token\":\"" + idToken
                + "\"}");
    }

    private static void answer(HttpExchange exchange, int status, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    private static Map<String, String> parse(String encoded) {
        Map<String, String> fields = new HashMap<>();
        if (encoded != null) {
            for (String pair : encoded.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    fields.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return fields;
    }

    static String s256(String verifier) {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(MessageDigest.getInstance("SHA-256")
                    .digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
