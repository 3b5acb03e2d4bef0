package org.convergence.transitions.application;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ServiceUnavailableException;
import org.convergence.platform.domain.RuleViolationException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/**
 * The hours service's service-to-service door, {@code /service/pathways/{id}/store-schedule/{transitionId}/{number}}
 * (the key {@code <transitionId>:<number>}), called with this
 * service's own token (role {@code store-scheduler} only). A refusal by a rule comes back as the same rule; hours
 * not answering is a 503 of this service (nothing was recorded here: the client retries with the same request).
 */
@ApplicationScoped
public class HoursClient implements WeeklySchedule {

    private static final Logger LOG = Logger.getLogger(HoursClient.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final URI base;
    private final String token;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .setSerializationInclusion(JsonInclude.Include.NON_NULL);

    public HoursClient(@ConfigProperty(name = "transitions.hours.url") String base,
                       @ConfigProperty(name = "transitions.hours.token") Optional<String> token) {
        this.base = URI.create(base.endsWith("/") ? base : base + "/");
        this.token = token.orElse("");
    }

    @Override
    public ScheduleChange.Accepted change(String pathwayId, String key, ScheduleChange change) {
        HttpResponse<String> answer = send(HttpRequest.newBuilder(door(pathwayId, key))
                .PUT(HttpRequest.BodyPublishers.ofString(write(change))));
        return switch (answer.statusCode()) {
            case 200 -> read(answer.body());
            case 409 -> throw new KeyAlreadyUsedException(key);
            case 422 -> throw refusal(answer.body());
            default -> throw unavailable(answer);
        };
    }

    @Override
    public Optional<ScheduleChange.Accepted> accepted(String pathwayId, String key) {
        HttpResponse<String> answer = send(HttpRequest.newBuilder(door(pathwayId, key)).GET());
        return switch (answer.statusCode()) {
            case 200 -> Optional.of(read(answer.body()));
            case 404 -> Optional.empty();
            default -> throw unavailable(answer);
        };
    }

    private URI door(String pathwayId, String key) {
        return base.resolve("service/pathways/" + pathwayId + "/store-schedule/" + key.replace(':', '/'));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(TIMEOUT).header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json").header("Accept", "application/json").build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            LOG.warnf("The hours service did not answer: %s", e.toString());
            throw new ServiceUnavailableException("The hours service does not answer");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServiceUnavailableException("Interrupted");
        }
    }

    private RuntimeException refusal(String body) {
        try {
            JsonNode problem = json.readTree(body);
            return new RuleViolationException(problem.path("code").asText("HOURS_REFUSED"),
                    problem.path("detail").asText("The hours service refused the schedule"));
        } catch (IOException e) {
            return new RuleViolationException("HOURS_REFUSED", "The hours service refused the schedule");
        }
    }

    private static RuntimeException unavailable(HttpResponse<String> answer) {
        LOG.warnf("The hours service answered %d: %s", answer.statusCode(), answer.body());
        return new ServiceUnavailableException("The hours service could not take the schedule change");
    }

    private String write(ScheduleChange change) {
        try {
            return json.writeValueAsString(change);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private ScheduleChange.Accepted read(String body) {
        try {
            return json.readValue(body, ScheduleChange.Accepted.class);
        } catch (IOException e) {
            throw new IllegalStateException("Unreadable answer of the hours service", e);
        }
    }
}
