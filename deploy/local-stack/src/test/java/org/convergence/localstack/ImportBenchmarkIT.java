package org.convergence.localstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.convergence.testsupport.RawWriteRate;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Imports 10,000 historic pathways through the bulk import of a running local stack and prints lines per second
 * and how long the reporting figures take to reflect them. Prints figures; asserts only correctness.
 * Run: {@code ./mvnw -B -pl deploy/local-stack -am verify -Dbenchmark -Dit.test=ImportBenchmarkIT
 * -Dtest=ImportBenchmarkIT -Dsurefire.failIfNoSpecifiedTests=false}
 */
@Tag("benchmark")
class ImportBenchmarkIT {

    private static final int LINES = Integer.getInteger("bench.lines", 10_000);
    private static final int BATCH = 2_500;
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void importTenThousandHistoricPathways() throws Exception {
        StackLayout layout = StackLayout.forTestRun("deploy/local-stack", "bench-");
        try (LocalStack stack = new LocalStack(layout)) {
            stack.start();
            double rawBulk = RawWriteRate.insertMany(layout.mongoUri());
            double rawSingle = RawWriteRate.insertOneByOne(layout.mongoUri());
            String token = stack.token("national", Map.of());
            send(stack, token, "enrolment", "/territories", "application/json",
                    "{\"territoryId\":\"bench\",\"name\":\"Bench\",\"densityKind\":\"URBAN\"}", 201);
            send(stack, token, "enrolment", "/territories/bench/chantiers", "application/json",
                    "{\"chantierId\":\"bench-aci\",\"name\":\"ACI\",\"programs\":[{\"program\":\"CONVERGENCE\",\"since\":\"2010-01-01\"}]}", 201);

            Random random = new Random(2020);
            List<String> lines = new ArrayList<>();
            int accompanied2020 = 0;
            int exits2020 = 0;
            for (int i = 0; i < LINES; i++) {
                LocalDate entry = LocalDate.of(2015, 1, 1).plusDays(random.nextInt(365 * 9));
                LocalDate exit = random.nextInt(10) < 7 ? entry.plusDays(30 + random.nextInt(900)) : null;
                if (exit != null && exit.isAfter(LocalDate.of(2025, 12, 31))) {
                    exit = null;
                }
                boolean active2020 = !entry.isAfter(LocalDate.of(2020, 12, 31))
                        && (exit == null || !exit.isBefore(LocalDate.of(2020, 1, 1)));
                accompanied2020 += active2020 ? 1 : 0;
                exits2020 += exit != null && exit.getYear() == 2020 ? 1 : 0;
                lines.add("{\"pathwayId\":\"" + UUID.randomUUID() + "\",\"program\":\"CONVERGENCE\",\"chantierId\":\"bench-aci\","
                        + "\"entryDate\":\"" + entry + "\"" + (exit == null ? "" : ",\"exit\":{\"date\":\"" + exit
                        + "\",\"category\":\"DURABLE_EMPLOYMENT\"}") + "}");
            }

            long start = System.nanoTime();
            int accepted = 0;
            for (int from = 0; from < lines.size(); from += BATCH) {
                String body = String.join("\n", lines.subList(from, Math.min(lines.size(), from + BATCH)));
                JsonNode report = JSON.readTree(send(stack, token, "enrolment", "/imports/pathways",
                        "application/x-ndjson", body, 200));
                accepted += report.get("accepted").asInt();
            }
            double importSeconds = (System.nanoTime() - start) / 1e9;
            assertEquals(LINES, accepted);

            long waitStart = System.nanoTime();
            JsonNode figures = null;
            while (System.nanoTime() - waitStart < Duration.ofMinutes(10).toNanos()) {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(stack.baseUrl("reporting")
                        + "/figures/territories/bench/2020")).header("Authorization", "Bearer " + token).GET().build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    figures = JSON.readTree(response.body());
                    if (figures.get("accompanied").asInt() == accompanied2020 && figures.get("exits").asInt() == exits2020) {
                        break;
                    }
                }
                Thread.sleep(200);
            }
            double reflectSeconds = (System.nanoTime() - waitStart) / 1e9;
            assertEquals(accompanied2020, figures.get("accompanied").asInt());
            assertEquals(exits2020, figures.get("exits").asInt());
            System.out.printf("%nimport benchmark: %d lines in %.1f s = %.0f lines/s; reporting reflected them %.1f s "
                    + "after the last import request (2020: accompanied %d, exits %d)%n", LINES, importSeconds,
                    LINES / importSeconds, reflectSeconds, accompanied2020, exits2020);
            // With the consumer idle: how long one territory's figures take to compute, and one search page.
            long queryStart = System.nanoTime();
            http.send(HttpRequest.newBuilder(URI.create(stack.baseUrl("reporting") + "/figures/territories/bench/2020"))
                    .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
            double figureSeconds = (System.nanoTime() - queryStart) / 1e9;
            long searchStart = System.nanoTime();
            HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(stack.baseUrl("reporting")
                    + "/participants?territoryId=bench&status=ACTIVE&size=20")).header("Authorization", "Bearer " + token)
                    .GET().build(), HttpResponse.BodyHandlers.ofString());
            double searchSeconds = (System.nanoTime() - searchStart) / 1e9;
            assertEquals(200, page.statusCode(), page.body());
            System.out.printf("import benchmark: one territory figure query %.2f s, one participant search page %.2f s "
                    + "(%d participants match)%n", figureSeconds, searchSeconds, JSON.readTree(page.body()).get("total").asInt());
            System.out.printf("import benchmark: the stack's embedded MongoDB in the same run: insertMany %,.0f documents/s, "
                    + "insertOne by one client %,.0f documents/s; import lines per second / insertMany rate = %.2f%n",
                    rawBulk, rawSingle, (LINES / importSeconds) / rawBulk);
        }
    }

    private String send(LocalStack stack, String token, String service, String path, String type, String body,
                        int expected) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(stack.baseUrl(service) + path))
                .header("Authorization", "Bearer " + token).header("Content-Type", type)
                .timeout(Duration.ofMinutes(10)).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(expected, response.statusCode(), path + ": " + response.body());
        return response.body();
    }
}
