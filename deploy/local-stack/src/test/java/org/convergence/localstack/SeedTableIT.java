package org.convergence.localstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The seed's "2020 en chiffres" table, all seven figures, for Paris and Lyon: a generated history sent through the
 * public REST doors of enrolment and accompaniment, each service in its own process with the real broker (as
 * README command 1 runs them), read back from reporting with numerators and denominators. The history:
 * <ul>
 *   <li><b>Paris</b> (emmaus-defi, Premières Heures and Convergence since 2015). 102 Convergence pathways entered
 *   2018-05-01 and exited 2020-07-01 (791 days: 26.0 months), 38 of them to durable employment, 64 {@code OTHER}
 *   (37 % dynamic). 85 of those 102 had a housing barrier at entry, 68 of the 85 in progress from 2019-03-04, 34 of
 *   those resolved on 2020-01-06 (80 % housing); the other 17 a health barrier only. 248 more entered 2019-02-04
 *   and still run: 350 accompanied. 77 of the 248 came from Premières Heures (entered 2018-09-03, promoted to the
 *   Convergence CDDI on 2019-02-04): 22 %. 203 of the 248 had health rights opened on 2020-04-06: 58 %.</li>
 *   <li><b>Lyon</b>: fndsa and grenier-de-lahso join Convergence on 2020-01-01, armee-du-salut on 2020-06-01, the
 *   pathways spread over the three in turn. 53 pathways entered 2019-05-06 and exited 2020-07-06 (427 days: 14.0
 *   months), 23 to durable employment, 3 {@code NEUTRALISED}, 27 {@code OTHER} (23 / 50 = 46 %). 46 of them had a
 *   housing barrier at entry, 40 of those in progress from 2020-02-03 (87 %). 114 more entered 2019-05-06 and still
 *   run: 167 accompanied, none from Premières Heures. 78 of the 114 had health rights opened on 2020-07-06 (47 %);
 *   20 others on 2019-10-07, before their chantier joined Convergence, which does not count.</li>
 * </ul>
 * About 1,350 requests, four at a time.
 */
class SeedTableIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final String CV = "CONVERGENCE";
    private static final List<String> LYON_CHANTIERS = List.of("fndsa", "grenier-de-lahso", "armee-du-salut");

    private static LocalStack stack;
    private static String national;
    private static final ExecutorService REQUESTS = Executors.newFixedThreadPool(4);

    @BeforeAll
    static void startStack() throws IOException {
        stack = new LocalStack(StackLayout.forTestRun("deploy/local-stack", "seed-"));
        stack.start();
        national = stack.token("national", Map.of());
    }

    @AfterAll
    static void stopStack() {
        REQUESTS.shutdownNow();
        if (stack != null) {
            stack.close();
        }
    }

    /** One Convergence pathway of the history and what happens to it. */
    private record Planned(String territory, String chantier, String pathwayId, String entry, String exit,
                           String exitCategory, List<String> barriers, String assessedOn, List<String[]> housing,
                           String healthRightsOn, String fromPremieresHeures) {
    }

    private static Planned pathway(String territory, String chantier, String entry) {
        return new Planned(territory, chantier, UUID.randomUUID().toString(), entry, null, null, List.of(), null,
                List.of(), null, null);
    }

    private static Planned exited(Planned p, String exit, String category) {
        return new Planned(p.territory, p.chantier, p.pathwayId, p.entry, exit, category, p.barriers, p.assessedOn,
                p.housing, p.healthRightsOn, p.fromPremieresHeures);
    }

    private static Planned assessed(Planned p, String on, List<String> barriers, List<String[]> housing) {
        return new Planned(p.territory, p.chantier, p.pathwayId, p.entry, p.exit, p.exitCategory, barriers, on,
                housing, p.healthRightsOn, p.fromPremieresHeures);
    }

    private static Planned healthRights(Planned p, String on) {
        return new Planned(p.territory, p.chantier, p.pathwayId, p.entry, p.exit, p.exitCategory, p.barriers,
                p.assessedOn, p.housing, on, p.fromPremieresHeures);
    }

    private static Planned promotedFrom(Planned p, String premieresHeuresEntry) {
        return new Planned(p.territory, p.chantier, p.pathwayId, p.entry, p.exit, p.exitCategory, p.barriers,
                p.assessedOn, p.housing, p.healthRightsOn, premieresHeuresEntry);
    }

    static List<Planned> paris() {
        List<Planned> all = new ArrayList<>();
        for (int i = 0; i < 102; i++) {
            Planned p = exited(pathway("paris", "emmaus-defi", "2018-05-01"), "2020-07-01",
                    i < 38 ? "DURABLE_EMPLOYMENT" : "OTHER");
            if (i < 85) {
                List<String[]> housing = i < 34
                        ? List.of(new String[]{"IN_PROGRESS", "2019-03-04"}, new String[]{"RESOLVED", "2020-01-06"})
                        : i < 68 ? List.<String[]>of(new String[]{"IN_PROGRESS", "2019-03-04"}) : List.of();
                p = assessed(p, "2018-05-15", List.of("HOUSING", "HEALTH"), housing);
            } else {
                p = assessed(p, "2018-05-15", List.of("HEALTH"), List.of());
            }
            all.add(p);
        }
        for (int i = 0; i < 248; i++) {
            Planned p = pathway("paris", "emmaus-defi", "2019-02-04");
            if (i < 77) {
                p = promotedFrom(p, "2018-09-03");
            }
            if (i < 203) {
                p = healthRights(p, "2020-04-06");
            }
            all.add(p);
        }
        return all;
    }

    static List<Planned> lyon() {
        List<Planned> all = new ArrayList<>();
        for (int i = 0; i < 53; i++) {
            String category = i < 23 ? "DURABLE_EMPLOYMENT" : i < 26 ? "NEUTRALISED" : "OTHER";
            Planned p = exited(pathway("lyon", LYON_CHANTIERS.get(i % 3), "2019-05-06"), "2020-07-06", category);
            if (i < 46) {
                p = assessed(p, "2019-05-20", List.of("HOUSING"), i < 40
                        ? List.<String[]>of(new String[]{"IN_PROGRESS", "2020-02-03"}) : List.of());
            }
            all.add(p);
        }
        for (int i = 0; i < 114; i++) {
            Planned p = pathway("lyon", LYON_CHANTIERS.get(i % 3), "2019-05-06");
            if (i < 78) {
                p = healthRights(p, "2020-07-06");
            } else if (i < 98) {
                p = healthRights(p, "2019-10-07");
            }
            all.add(p);
        }
        return all;
    }

    @Test
    void theSeedsTwentyTwentyTableForParisAndLyonIsReadBackWithItsNumeratorsAndDenominators() throws Exception {
        long start = System.nanoTime();
        post("enrolment", "/territories", "{\"territoryId\":\"paris\",\"name\":\"Paris\",\"densityKind\":\"URBAN\"}");
        post("enrolment", "/territories/paris/chantiers", """
                {"chantierId":"emmaus-defi","name":"Emmaüs Défi","programs":[
                 {"program":"PREMIERES_HEURES","since":"2015-01-01"},{"program":"CONVERGENCE","since":"2015-01-01"}]}""");
        post("enrolment", "/territories", "{\"territoryId\":\"lyon\",\"name\":\"Lyon\",\"densityKind\":\"URBAN\"}");
        for (String chantier : LYON_CHANTIERS) {
            post("enrolment", "/territories/lyon/chantiers", """
                    {"chantierId":"%s","name":"%s","programs":[{"program":"CONVERGENCE","since":"%s"}]}"""
                    .formatted(chantier, chantier, chantier.equals("armee-du-salut") ? "2020-06-01" : "2020-01-01"));
        }
        List<Planned> history = new ArrayList<>(paris());
        history.addAll(lyon());

        all(history, SeedTableIT::enrol);
        all(history.stream().filter(p -> p.exit != null).toList(), p -> post("enrolment",
                "/pathways/" + p.pathwayId + "/exit", "{\"exitDate\":\"%s\",\"category\":\"%s\"}"
                        .formatted(p.exit, p.exitCategory)));
        awaitKnownToAccompaniment(history);
        all(history, SeedTableIT::accompany);
        System.out.printf("seed: %d pathways sent through the REST doors in %d ms%n", history.size(),
                (System.nanoTime() - start) / 1_000_000);

        JsonNode paris = awaitFigures("paris", 203);
        assertRow(paris, 350, 77, 102, 26, new int[]{68, 85}, new int[]{203, 350}, new int[]{38, 102});
        assertEquals(22, percent(paris.get("fromPremieresHeures")));
        JsonNode lyon = awaitFigures("lyon", 78);
        assertRow(lyon, 167, 0, 53, 14, new int[]{40, 46}, new int[]{78, 167}, new int[]{23, 50});
        System.out.printf("seed: figures read back %d ms after the first request%n",
                (System.nanoTime() - start) / 1_000_000);
    }

    private static void assertRow(JsonNode row, int accompanied, int fromPremieresHeures, int exits, int months,
                                  int[] housing, int[] health, int[] dynamic) {
        String where = row.get("territoryId").asText();
        assertEquals(accompanied, row.get("accompanied").asInt(), where + " accompanied");
        assertEquals(fromPremieresHeures, row.at("/fromPremieresHeures/numerator").asInt(), where + " from PH");
        assertEquals(accompanied, row.at("/fromPremieresHeures/denominator").asInt(), where + " from PH");
        assertEquals(exits, row.get("exits").asInt(), where + " exits");
        assertEquals(exits, row.at("/averagePathwayMonths/count").asInt(), where + " months over");
        assertEquals(months, Math.round(row.at("/averagePathwayMonths/value").asDouble()), where + " months");
        assertShare(row, "housingResolved", housing);
        assertShare(row, "healthRightsOpened", health);
        assertShare(row, "dynamicExits", dynamic);
    }

    private static void assertShare(JsonNode row, String figure, int[] expected) {
        JsonNode share = row.get(figure);
        assertEquals(expected[0], share.get("numerator").asInt(), row.get("territoryId").asText() + " " + figure);
        assertEquals(expected[1], share.get("denominator").asInt(), row.get("territoryId").asText() + " " + figure);
    }

    private static long percent(JsonNode share) {
        return Math.round(100.0 * share.get("numerator").asInt() / share.get("denominator").asInt());
    }

    /** The figures once the last accompaniment facts are in: the health-rights numerator is the last to move. */
    private static JsonNode awaitFigures(String territory, int healthRights) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        JsonNode last = null;
        while (System.nanoTime() < deadline) {
            HttpResponse<String> response = send("reporting", HttpRequest.newBuilder()
                    .uri(URI.create(stack.baseUrl("reporting") + "/figures/territories/" + territory + "/2020")).GET());
            if (response.statusCode() == 200) {
                last = JSON.readTree(response.body());
                if (last.at("/healthRightsOpened/numerator").asInt() == healthRights
                        && last.at("/housingResolved/denominator").asInt() > 0) {
                    Thread.sleep(2_000); // a last look once the slowest figure is there: nothing else may move
                    return JSON.readTree(send("reporting", HttpRequest.newBuilder().uri(URI.create(
                            stack.baseUrl("reporting") + "/figures/territories/" + territory + "/2020")).GET()).body());
                }
            }
            Thread.sleep(200);
        }
        throw new AssertionError(territory + " 2020 figures never complete; last seen " + last);
    }

    private static void enrol(Planned p) {
        if (p.fromPremieresHeures == null) {
            post("enrolment", "/pathways", """
                    {"pathwayId":"%s","program":"%s","chantierId":"%s","entryDate":"%s"}"""
                    .formatted(p.pathwayId, CV, p.chantier, p.entry));
            return;
        }
        String premieresHeures = UUID.randomUUID().toString();
        post("enrolment", "/pathways", """
                {"pathwayId":"%s","program":"PREMIERES_HEURES","chantierId":"%s","entryDate":"%s"}"""
                .formatted(premieresHeures, p.chantier, p.fromPremieresHeures));
        post("enrolment", "/pathways/" + premieresHeures + "/promotion", """
                {"convergencePathwayId":"%s","promotionDate":"%s"}""".formatted(p.pathwayId, p.entry));
    }

    private static void accompany(Planned p) {
        if (p.assessedOn != null) {
            post("accompaniment", "/pathways/" + p.pathwayId + "/assessment", """
                    {"assessedOn":"%s","housingAtEntry":"STREET","barriers":[%s]}""".formatted(p.assessedOn,
                    String.join(",", p.barriers.stream().map(b -> "\"" + b + "\"").toList())));
        }
        for (String[] change : p.housing) {
            post("accompaniment", "/pathways/" + p.pathwayId + "/barrier-changes", """
                    {"category":"HOUSING","status":"%s","changedOn":"%s"}""".formatted(change[0], change[1]));
        }
        if (p.healthRightsOn != null) {
            post("accompaniment", "/pathways/" + p.pathwayId + "/health-rights", """
                    {"kind":"PUMA","openedOn":"%s"}""".formatted(p.healthRightsOn));
        }
    }

    /** The accompaniment service reads pathways from its enrolment view: the last one of each territory in it. */
    private static void awaitKnownToAccompaniment(List<Planned> history) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        for (Planned p : history) {
            while (send("accompaniment", HttpRequest.newBuilder().uri(URI.create(stack.baseUrl("accompaniment")
                    + "/pathways/" + p.pathwayId + "/accompaniment")).GET()).statusCode() != 200) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("pathway " + p.pathwayId + " never reached accompaniment's view");
                }
                Thread.sleep(100);
            }
        }
    }

    private interface Step {
        void apply(Planned p) throws Exception;
    }

    private static void all(List<Planned> pathways, Step step) throws Exception {
        List<Future<?>> sent = new ArrayList<>();
        for (Planned p : pathways) {
            sent.add(REQUESTS.submit(() -> {
                step.apply(p);
                return null;
            }));
        }
        for (Future<?> f : sent) {
            f.get();
        }
    }

    private static void post(String service, String path, String body) {
        try {
            HttpResponse<String> response = send(service, HttpRequest.newBuilder()
                    .uri(URI.create(stack.baseUrl(service) + path)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)));
            if (response.statusCode() / 100 != 2) {
                throw new AssertionError("POST " + service + path + " answered " + response.statusCode() + ": "
                        + response.body());
            }
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException("POST " + service + path, e);
        }
    }

    private static HttpResponse<String> send(String service, HttpRequest.Builder request)
            throws IOException, InterruptedException {
        return HTTP.send(request.header("Authorization", "Bearer " + national).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
