package org.convergence.transitions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import org.convergence.testsupport.StandInService;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The hours service's store-schedule door as this service's tests meet it: the contract of
 * {@code PUT|GET /service/pathways/{id}/store-schedule/{transitionId}/{number}} (idempotent by key, 409 for a key reused with another
 * request, 422 WEEKLY_LIMIT_35 above 35 hours, the store-scheduler token required) on a plain JDK server. The
 * real door, its aggregate and the concurrency proof are tested in the hours service (StoreScheduleApiTest,
 * WeeklyLimitUnderConcurrencyTest); each pathway's contract here is 26 hours.
 */
public class HoursStandIn extends StandInService {

    public static final String TOKEN = "transitions-service-token-for-tests";
    public static final int CONTRACT = 26;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, ObjectNode[]> ACCEPTED = new ConcurrentHashMap<>();

    @Override
    protected String pathPrefix() {
        return "/service/pathways/";
    }

    @Override
    protected void serve(HttpExchange exchange) throws IOException {
        handle(exchange);
    }

    @Override
    protected Map<String, String> settings(String baseUrl) {
        return Map.of("transitions.hours.url", baseUrl, "transitions.hours.token", TOKEN);
    }

    /** Records a change as accepted under a key, as if this service had crashed before recording its fact. */
    public static void acceptedEarlier(String pathwayId, String key, String change, LocalDate on, int store,
                                       int chantier, String transitionId) {
        ObjectNode request = JSON.createObjectNode().put("transitionId", transitionId).put("change", change)
                .put("on", on.toString()).put("storeHours", store).put("chantierHours", chantier);
        ACCEPTED.put(pathwayId + "/" + key, new ObjectNode[]{request, answer(pathwayId, key, request, store,
                chantier)});
    }

    public static boolean hasAccepted(String pathwayId, String key) {
        return ACCEPTED.containsKey(pathwayId + "/" + key);
    }

    private static void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!("Bearer " + TOKEN).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                reply(exchange, 403, JSON.createObjectNode().put("status", 403));
                return;
            }
            // "", service, pathways, {pathwayId}, store-schedule, {transitionId}, {change}
            String[] path = exchange.getRequestURI().getPath().split("/");
            String pathwayId = path[3];
            String key = path[5] + ":" + path[6];
            ObjectNode[] accepted = ACCEPTED.get(pathwayId + "/" + key);
            if (exchange.getRequestMethod().equals("GET")) {
                reply(exchange, accepted == null ? 404 : 200, accepted == null ? JSON.createObjectNode()
                        : accepted[1]);
                return;
            }
            ObjectNode request = (ObjectNode) JSON.readTree(exchange.getRequestBody());
            if (accepted != null) {
                reply(exchange, accepted[0].equals(request) ? 200 : 409, accepted[0].equals(request) ? accepted[1]
                        : problem("SCHEDULE_KEY_REUSED", "Schedule change " + key + " was already accepted"));
                return;
            }
            boolean back = request.path("change").asText().equals("BACK_TO_CHANTIER");
            int store = back ? 0 : request.path("storeHours").asInt();
            int chantier = back ? CONTRACT : request.path("chantierHours").asInt();
            if (store + chantier > 35) {
                reply(exchange, 422, problem("WEEKLY_LIMIT_35", "Store hours plus chantier hours stay at or under "
                        + "35 in every ISO week"));
                return;
            }
            ObjectNode answer = answer(pathwayId, key, request, store, chantier);
            ACCEPTED.put(pathwayId + "/" + key, new ObjectNode[]{request, answer});
            reply(exchange, 200, answer);
        }
    }

    private static ObjectNode answer(String pathwayId, String key, JsonNode request, int store, int chantier) {
        LocalDate on = LocalDate.parse(request.path("on").asText());
        ObjectNode answer = JSON.createObjectNode().put("key", key).put("pathwayId", pathwayId)
                .put("effectiveOn", on.with(DayOfWeek.MONDAY).toString()).put("storeHours", store)
                .put("chantierHours", chantier);
        answer.set("request", request);
        return answer;
    }

    private static ObjectNode problem(String code, String detail) {
        return JSON.createObjectNode().put("code", code).put("detail", detail);
    }

    private static void reply(HttpExchange exchange, int status, JsonNode body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }
}
