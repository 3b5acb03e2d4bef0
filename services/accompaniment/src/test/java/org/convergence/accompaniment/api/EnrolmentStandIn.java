package org.convergence.accompaniment.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import org.convergence.testsupport.StandInService;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Enrolment's identity door for partners as this service's tests meet it, on a plain JDK server:
 * {@code GET /participants/{id}/identity/through-referral/{territoryId}/{partnerId}/{referralId}}, this service's
 * token required, 410 for an erased identity. Each call it answers is kept, as enrolment's audit trail would keep
 * it. The real door, its role and its audit line are tested in enrolment (IdentityForPartnerApiTest).
 */
public class EnrolmentStandIn extends StandInService {

    public static final String TOKEN = "accompaniment-service-token-for-tests";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, Map<String, String>> IDENTITIES = new ConcurrentHashMap<>();
    private static final List<String> CALLS = new CopyOnWriteArrayList<>();

    @Override
    protected String pathPrefix() {
        return "/participants/";
    }

    @Override
    protected void serve(HttpExchange exchange) throws IOException {
        handle(exchange);
    }

    @Override
    protected Map<String, String> settings(String baseUrl) {
        return Map.of("accompaniment.enrolment.url", baseUrl, "accompaniment.enrolment.token", TOKEN);
    }

    static void knows(String participantId, String firstName, String lastName, String birthDate) {
        IDENTITIES.put(participantId, Map.of("firstName", firstName, "lastName", lastName, "birthDate", birthDate));
    }

    static void erased(String participantId) {
        IDENTITIES.remove(participantId);
    }

    /** The paths of the identity reads enrolment answered for a participant, in order. */
    static List<String> readsOf(String participantId) {
        return CALLS.stream().filter(c -> c.startsWith("/participants/" + participantId + "/")).toList();
    }

    private static void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!("Bearer " + TOKEN).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                reply(exchange, 403, Map.of("status", 403));
                return;
            }
            // "", participants, {participantId}, identity, through-referral, {territory}, {partner}, {referral}
            String path = exchange.getRequestURI().getPath();
            String[] parts = path.split("/");
            Map<String, String> identity = IDENTITIES.get(parts[2]);
            if (parts.length != 8 || !parts[4].equals("through-referral")) {
                reply(exchange, 404, Map.of("status", 404));
            } else if (identity == null) {
                reply(exchange, 410, Map.of("status", 410));
            } else {
                CALLS.add(path);
                reply(exchange, 200, identity);
            }
        }
    }

    private static void reply(HttpExchange exchange, int status, Object body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }
}
