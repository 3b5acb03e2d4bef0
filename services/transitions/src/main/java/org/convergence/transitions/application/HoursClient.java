package org.convergence.transitions.application;

import jakarta.enterprise.context.ApplicationScoped;
import org.convergence.platform.calls.ServiceClient;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.net.http.HttpResponse;
import java.util.Optional;

/**
 * The hours service's service-to-service door, {@code /service/pathways/{id}/store-schedule/{transitionId}/{number}}
 * (the key {@code <transitionId>:<number>}), called with this
 * service's own token (role {@code store-scheduler} only). A refusal by a rule comes back as the same rule; hours
 * not answering is a 503 of this service (nothing was recorded here: the client retries with the same request).
 */
@ApplicationScoped
public class HoursClient implements WeeklySchedule {

    private final ServiceClient hours;

    public HoursClient(@ConfigProperty(name = "transitions.hours.url") String base,
                       @ConfigProperty(name = "transitions.hours.token") Optional<String> token) {
        this.hours = new ServiceClient("hours", base, token);
    }

    @Override
    public ScheduleChange.Accepted change(String pathwayId, String key, ScheduleChange change) {
        HttpResponse<String> answer = hours.put(door(pathwayId, key), change);
        return switch (answer.statusCode()) {
            case 200 -> hours.read(answer, ScheduleChange.Accepted.class);
            case 409 -> throw new KeyAlreadyUsedException(key);
            case 422 -> throw hours.refusal(answer, "HOURS_REFUSED");
            default -> throw hours.unavailable(answer);
        };
    }

    @Override
    public Optional<ScheduleChange.Accepted> accepted(String pathwayId, String key) {
        HttpResponse<String> answer = hours.get(door(pathwayId, key));
        return switch (answer.statusCode()) {
            case 200 -> Optional.of(hours.read(answer, ScheduleChange.Accepted.class));
            case 404 -> Optional.empty();
            default -> throw hours.unavailable(answer);
        };
    }

    private static String door(String pathwayId, String key) {
        return "service/pathways/" + pathwayId + "/store-schedule/" + key.replace(':', '/');
    }
}
