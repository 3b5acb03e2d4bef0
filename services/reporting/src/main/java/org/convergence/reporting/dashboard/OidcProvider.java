package org.convergence.reporting.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The identity provider of the OpenID Connect sign-in (ADR 0022), from {@code reporting.oidc.*}: where its
 * discovery document is, and this dashboard's client. It only moves the browser through the authorization-code
 * flow and exchanges the code for an ID token; the ID token is then verified by the same verifier as every API
 * token (SmallRye JWT: signature with the provider's keys, issuer, expiry), so roles and scopes come from the same
 * claims ({@code groups}, {@code territory}, {@code chantier}).
 */
@ApplicationScoped
public class OidcProvider {

    private final Optional<String> providerUrl;
    private final Optional<String> clientId;
    private final Optional<String> clientSecret;
    private final Optional<String> redirectUri;
    private final ObjectMapper mapper;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private volatile Endpoints endpoints;

    /** What the discovery document says of the two endpoints the flow uses. */
    record Endpoints(String authorization, String token) {
    }

    public OidcProvider(@ConfigProperty(name = "reporting.oidc.provider-url") Optional<String> providerUrl,
                        @ConfigProperty(name = "reporting.oidc.client-id") Optional<String> clientId,
                        @ConfigProperty(name = "reporting.oidc.client-secret") Optional<String> clientSecret,
                        @ConfigProperty(name = "reporting.oidc.redirect-uri") Optional<String> redirectUri,
                        ObjectMapper mapper) {
        this.providerUrl = providerUrl.map(url -> url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        this.redirectUri = redirectUri;
        this.mapper = mapper;
    }

    /** Configured only where a provider is (production): locally the launcher's tokens are pasted instead. */
    public boolean configured() {
        return providerUrl.isPresent() && clientId.isPresent() && clientSecret.isPresent() && redirectUri.isPresent();
    }

    public String clientId() {
        return clientId.orElseThrow();
    }

    /** Where the browser goes to sign in: the code flow with state, nonce and a PKCE (S256) challenge. */
    public URI authorization(String state, String nonce, String codeChallenge) throws IOException {
        Map<String, String> query = new java.util.LinkedHashMap<>();
        query.put("response_type", "code");
        query.put("client_id", clientId());
        query.put("redirect_uri", redirectUri.orElseThrow());
        query.put("scope", "openid");
        query.put("state", state);
        query.put("nonce", nonce);
        query.put("code_challenge", codeChallenge);
        query.put("code_challenge_method", "S256");
        String endpoint = endpoints().authorization();
        return URI.create(endpoint + (endpoint.contains("?") ? "&" : "?") + form(query));
    }

    /** The ID token the token endpoint gives for this code (client authenticated with its secret, PKCE verifier). */
    public String idToken(String code, String codeVerifier) throws IOException {
        String credentials = Base64.getEncoder().encodeToString((URLEncoder.encode(clientId(), StandardCharsets.UTF_8)
                + ":" + URLEncoder.encode(clientSecret.orElseThrow(), StandardCharsets.UTF_8))
                .getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create(endpoints().token()))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Authorization", "Basic " + credentials)
                .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("grant_type", "authorization_code",
                        "code", code, "redirect_uri", redirectUri.orElseThrow(), "code_verifier", codeVerifier))))
                .build();
        JsonNode answer = send(request);
        String idToken = answer.path("id_token").asText("");
        if (idToken.isEmpty()) {
            throw new IOException("The token endpoint gave no id_token");
        }
        return idToken;
    }

    private Endpoints endpoints() throws IOException {
        Endpoints known = endpoints;
        if (known == null) {
            JsonNode discovery = send(HttpRequest.newBuilder(URI.create(providerUrl.orElseThrow()
                    + "/.well-known/openid-configuration")).timeout(Duration.ofSeconds(10)).GET().build());
            String authorization = discovery.path("authorization_endpoint").asText("");
            String token = discovery.path("token_endpoint").asText("");
            if (authorization.isEmpty() || token.isEmpty()) {
                throw new IOException("The provider's discovery document names no authorization or token endpoint");
            }
            known = new Endpoints(authorization, token);
            endpoints = known;
        }
        return known;
    }

    private JsonNode send(HttpRequest request) throws IOException {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IOException(request.uri() + " answered " + response.statusCode());
            }
            return mapper.readTree(response.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while calling " + request.uri(), e);
        }
    }

    private static String form(Map<String, String> fields) {
        return fields.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }
}
