package org.convergence.platform.calls;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import jakarta.ws.rs.ServiceUnavailableException;
import org.convergence.platform.domain.RuleViolationException;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/**
 * One service calling another's service-to-service door: the other's base URL, this service's <b>own</b> token (a
 * role the other grants for that door only, minted by the launcher or issued by the identity provider), bounded
 * waits, JSON both ways. The other service not answering, or answering an unexpected status, becomes a 503 of this
 * service ({@link #unavailable}): nothing was recorded here, the client retries. Each caller maps the statuses its
 * door defines (a rule refusal comes back as the same rule with {@link #refusal}).
 */
public final class ServiceClient {

    private static final Logger LOG = Logger.getLogger(ServiceClient.class);
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
    private static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(10);

    private final String service;
    private final URI base;
    private final String token;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build();
    private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .setSerializationInclusion(JsonInclude.Include.NON_NULL);

    /**
     * @param service the service called, as people name it in messages ({@code hours}, {@code enrolment})
     * @param baseUrl where it answers ({@code <NAME>_URL})
     * @param token   this service's own token towards it; absent: calls go without one and are refused there
     */
    public ServiceClient(String service, String baseUrl, Optional<String> token) {
        this.service = service;
        this.base = URI.create(baseUrl.endsWith("/") ? baseUrl : baseUrl + "/");
        this.token = token.orElse("");
    }

    public HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(base.resolve(path)).GET());
    }

    public HttpResponse<String> put(String path, Object body) {
        return send(HttpRequest.newBuilder(base.resolve(path)).PUT(HttpRequest.BodyPublishers.ofString(write(body))));
    }

    /** The answer's body as {@code type}; an unreadable answer is the other service's fault: 503 here. */
    public <T> T read(HttpResponse<String> answer, Class<T> type) {
        try {
            return json.readValue(answer.body(), type);
        } catch (IOException e) {
            LOG.warnf("Unreadable answer of the %s service: %s", service, e.toString());
            throw new ServiceUnavailableException("Unreadable answer of the " + service + " service");
        }
    }

    /** A rule refusal of the other service (a problem+json with a {@code code}) as the same rule here. */
    public RuleViolationException refusal(HttpResponse<String> answer, String fallbackCode) {
        String detail = "The " + service + " service refused the request";
        try {
            JsonNode problem = json.readTree(answer.body());
            return new RuleViolationException(problem.path("code").asText(fallbackCode),
                    problem.path("detail").asText(detail));
        } catch (IOException e) {
            return new RuleViolationException(fallbackCode, detail);
        }
    }

    /** An answer the door does not define: logged with its status, a 503 of this service. */
    public ServiceUnavailableException unavailable(HttpResponse<String> answer) {
        LOG.warnf("The %s service answered %d: %s", service, answer.statusCode(), answer.body());
        return new ServiceUnavailableException("The " + service + " service could not answer");
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(ANSWER_TIMEOUT).header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json").header("Accept", "application/json").build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            LOG.warnf("The %s service did not answer: %s", service, e.toString());
            throw new ServiceUnavailableException("The " + service + " service does not answer");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServiceUnavailableException("Interrupted");
        }
    }

    private String write(Object body) {
        try {
            return json.writeValueAsString(body);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot write a request to the " + service + " service", e);
        }
    }
}
