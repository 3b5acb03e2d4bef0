package org.convergence.localstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * What reporting's read model shows, through its public search: per pathway, how many times it is listed and
 * whether its exit is there. The read model's own collections are reporting's business; what it answers is the
 * contract.
 */
record ReadModelAudit(Map<String, Integer> listed, Map<String, Integer> exits) {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int PAGE = 100;

    static ReadModelAudit read(String reportingUrl, String token, String territoryId) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        Map<String, Integer> listed = new HashMap<>();
        Map<String, Integer> exits = new HashMap<>();
        int total = Integer.MAX_VALUE;
        for (int page = 0; page * PAGE < total; page++) {
            URI search = URI.create(reportingUrl + "/participants?territoryId=" + territoryId
                    + "&asOf=2020-12-31&size=" + PAGE + "&page=" + page);
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(search)
                    .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(60)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("search answered " + response.statusCode() + ": " + response.body());
            }
            JsonNode body = JSON.readTree(response.body());
            total = body.get("total").asInt();
            for (JsonNode participant : body.get("items")) {
                for (JsonNode pathway : participant.get("pathways")) {
                    String id = pathway.get("pathwayId").asText();
                    listed.merge(id, 1, Integer::sum);
                    if (!pathway.path("exitDate").isMissingNode() && !pathway.path("exitDate").isNull()) {
                        exits.merge(id, 1, Integer::sum);
                    }
                }
            }
        }
        return new ReadModelAudit(listed, exits);
    }

    int facts() {
        return listed.values().stream().mapToInt(Integer::intValue).sum()
                + exits.values().stream().mapToInt(Integer::intValue).sum();
    }

    long duplicated() {
        return listed.values().stream().filter(n -> n > 1).count();
    }
}
