package org.convergence.localstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * The foundation's acceptance scenario, end to end across two services through the real broker, with every
 * server in its own process exactly as README command 1 runs them.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LocalStackIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static StackLayout layout;
    private static LocalStack stack;
    private static String national;

    @BeforeAll
    static void startStack() throws IOException {
        layout = StackLayout.forTestRun("deploy/local-stack", "stack-");
        stack = started(layout);
        national = stack.token("national", Map.of());
    }

    @AfterAll
    static void stopStack() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    @Order(1)
    void parisFiguresFollowEnrolmentsAndExitsAndTheNationAgrees() throws Exception {
        post("enrolment", "/territories", "{\"territoryId\":\"paris\",\"name\":\"Paris\",\"densityKind\":\"URBAN\"}", 201);
        post("enrolment", "/territories/paris/chantiers", """
                {"chantierId":"emmaus-defi","name":"Emmaüs Défi",
                 "programs":[{"program":"CONVERGENCE","since":"2018-01-01"}]}""", 201);
        String first = enrol("2019-10-14");
        enrol("2020-02-03");
        enrol("2020-07-20");
        post("enrolment", "/pathways/" + first + "/exit",
                "{\"exitDate\":\"2020-11-30\",\"category\":\"DURABLE_EMPLOYMENT\"}", 200);

        long latency = awaitFigures(3, 1);
        System.out.printf("e2e: Paris 2020 figures visible %d ms after the last command%n", latency);
        JsonNode nation = get("reporting", "/figures/national/2020");
        assertEquals(3, nation.get("accompanied").asInt());
        assertEquals(1, nation.get("exits").asInt());
    }

    @Test
    @Order(2)
    void commandsHandledWhileKafkaIsDownReachTheFiguresOnceWhenItIsBack() throws Exception {
        stack.stop(LocalStack.KAFKA);
        String fourth;
        try {
            fourth = enrol("2020-03-02");
            enrol("2020-04-06");
            post("enrolment", "/pathways/" + fourth + "/exit",
                    "{\"exitDate\":\"2020-09-30\",\"category\":\"OTHER\"}", 200);
        } finally {
            stack.start(LocalStack.KAFKA);
        }
        awaitFigures(5, 2);
    }

    @Test
    @Order(3)
    void aRestartedStackFindsTheSameData() throws Exception {
        Map<String, Long> running = stack.pids();
        stack.close();
        // Stopped on purpose, nothing is restarted: past the first back-off, no process and no port is left.
        Thread.sleep(SupervisedProcess.FIRST_BACKOFF.toMillis() + 1_500);
        running.forEach((name, pid) -> assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false),
                name + " still runs"));
        for (int port : ports()) {
            assertFalse(listening(port), "something listens on " + port);
        }
        stack = started(layout);
        JsonNode paris = get("reporting", "/figures/territories/paris/2020");
        assertEquals(5, paris.get("accompanied").asInt());
        assertEquals(2, paris.get("exits").asInt());
        assertEquals(201, postStatus("enrolment", "/pathways", enrolment(UUID.randomUUID().toString(), "2020-05-05")));
        awaitFigures(6, 2);
    }

    @Test
    @Order(4)
    void aPremieresHeuresPathwayPromotedToACddiShowsInLyonsFigures() throws Exception {
        post("enrolment", "/territories", "{\"territoryId\":\"lyon\",\"name\":\"Lyon\",\"densityKind\":\"URBAN\"}", 201);
        post("enrolment", "/territories/lyon/chantiers", """
                {"chantierId":"fndsa","name":"FNDSA","programs":[{"program":"PREMIERES_HEURES","since":"2019-01-01"},
                 {"program":"CONVERGENCE","since":"2020-01-01"}]}""", 201);
        String ph = UUID.randomUUID().toString();
        String cddi = UUID.randomUUID().toString();
        post("enrolment", "/pathways", """
                {"pathwayId":"%s","program":"PREMIERES_HEURES","chantierId":"fndsa","entryDate":"2019-11-04"}"""
                .formatted(ph), 201);
        post("enrolment", "/pathways/" + ph + "/promotion", """
                {"convergencePathwayId":"%s","promotionDate":"2020-02-03"}""".formatted(cddi), 201);
        post("enrolment", "/pathways/" + cddi + "/exit",
                "{\"exitDate\":\"2020-12-18\",\"category\":\"DURABLE_EMPLOYMENT\"}", 200);

        JsonNode lyon = awaitFigures("lyon", node -> node.path("exits").asInt() == 1);
        assertEquals(1, lyon.get("accompanied").asInt());
        assertEquals(1, lyon.at("/fromPremieresHeures/numerator").asInt());
        assertEquals(1, lyon.at("/fromPremieresHeures/denominator").asInt());
        assertEquals(1, lyon.at("/premieresHeures/promotions").asInt());
        assertEquals(1, lyon.at("/premieresHeures/active").asInt());
        assertEquals(1, lyon.at("/dynamicExits/numerator").asInt());
        assertEquals(1, lyon.at("/averagePathwayMonths/count").asInt());
        // Follow-up after the exit: two check-ins recorded, the 6-month one overdue as of July 2021.
        post("enrolment", "/pathways/" + cddi + "/check-ins", """
                {"milestoneMonths":1,"checkInDate":"2021-01-20","employmentStatus":"DURABLE_EMPLOYMENT",
                 "housingSituation":"TEMPORARY_HOUSING"}""", 201);
        post("enrolment", "/pathways/" + cddi + "/check-ins", """
                {"milestoneMonths":3,"checkInDate":"2021-03-22","employmentStatus":"DURABLE_EMPLOYMENT",
                 "housingSituation":"SOCIAL_HOUSING"}""", 201);
        JsonNode workList = await("the overdue 6-month check-in", () -> get("reporting",
                "/work-lists/territories/lyon?asOf=2021-07-01"), list -> list.path("overdueCheckIns").size() == 1);
        assertEquals(6, workList.at("/overdueCheckIns/0/milestoneMonths").asInt());
        assertEquals(cddi, workList.at("/overdueCheckIns/0/pathwayId").asText());
        JsonNode followedUp = get("reporting", "/participants?chantierId=fndsa&status=IN_FOLLOW_UP&asOf=2021-07-01");
        assertEquals(1, followedUp.get("total").asInt());
        String participant = followedUp.at("/items/0/participantId").asText();
        JsonNode timeline = get("enrolment", "/participants/" + participant + "/timeline");
        assertEquals(List.of("ENROLLED", "PROMOTED", "ENROLLED", "EXITED", "CHECK_IN", "CHECK_IN"),
                timeline.findValuesAsText("fact"));

        // The territory's deployment reaches the national read model.
        post("enrolment", "/territories/lyon/programs/CONVERGENCE/status",
                "{\"status\":\"ENGAGED\",\"effectiveOn\":\"2019-09-02\"}", 200);
        post("enrolment", "/territories/lyon/programs/CONVERGENCE/status",
                "{\"status\":\"OPERATIONAL\",\"effectiveOn\":\"2020-01-06\"}", 200);
        await("Lyon operational in Convergence", () -> get("reporting", "/figures/national/territories?asOf=2020-12-31"),
                t -> t.at("/countsByProgram/CONVERGENCE/OPERATIONAL").asInt() == 1);
    }

    @Test
    @Order(5)
    void anErasedIdentityIsGoneWhileLyonsFiguresStay() throws Exception {
        String pathway = UUID.randomUUID().toString();
        HttpResponse<String> enrolled = send("enrolment", HttpRequest.newBuilder()
                .uri(URI.create(stack.baseUrl("enrolment") + "/pathways"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"pathwayId":"%s","program":"CONVERGENCE","chantierId":"fndsa","entryDate":"2020-03-02",
                         "identity":{"firstName":"Ernestine","lastName":"Quillaubert","birthDate":"1971-02-03"}}"""
                        .formatted(pathway))));
        assertEquals(201, enrolled.statusCode(), enrolled.body());
        String participant = JSON.readTree(enrolled.body()).get("participantId").asText();
        JsonNode before = awaitFigures("lyon", node -> node.path("accompanied").asInt() == 2);

        post("enrolment", "/participants/" + participant + "/erasure", "", 204);
        // A fact recorded after the erasure: once the figures show it, reporting has read past the erasure.
        post("enrolment", "/pathways/" + pathway + "/exit", "{\"exitDate\":\"2020-09-30\",\"category\":\"OTHER\"}", 200);

        JsonNode after = awaitFigures("lyon", node -> node.path("exits").asInt() == 2);
        assertEquals(before.get("accompanied"), after.get("accompanied"));
        assertEquals(before.get("fromPremieresHeures"), after.get("fromPremieresHeures"));
        assertEquals(410, send("enrolment", HttpRequest.newBuilder()
                .uri(URI.create(stack.baseUrl("enrolment") + "/participants/" + participant + "/identity")).GET())
                .statusCode());
    }

    @Test
    @Order(6)
    void aServiceTheBrokerOrTheDatabaseKilledIsRestartedAndTheStackServesAgain() throws Exception {
        for (String process : List.of("enrolment", LocalStack.KAFKA, LocalStack.MONGO, "reporting")) {
            int restarts = stack.restarts(process);
            long killed = stack.kill(process);
            Duration back = stack.awaitBack(process, killed, Duration.ofMinutes(3));
            System.out.printf("e2e: %s killed (pid %d), restarted as pid %d and ready %d ms later%n", process,
                    killed, stack.pid(process), back.toMillis());
            assertEquals(restarts + 1, stack.restarts(process));
            assertFalse(ProcessHandle.of(killed).map(ProcessHandle::isAlive).orElse(false));
        }
        // Serving again end to end: a new enrolment is stored, published, consumed and counted.
        enrol("2020-06-01");
        awaitFigures(7, 2, Duration.ofMinutes(2));
    }

    /** Polls a read until it satisfies {@code done}: reads answer before the projection has caught up. */
    private static JsonNode await(String what, java.util.concurrent.Callable<JsonNode> read,
                                  java.util.function.Predicate<JsonNode> done) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        JsonNode last = null;
        while (System.nanoTime() < deadline) {
            last = read.call();
            if (done.test(last)) {
                return last;
            }
            Thread.sleep(50);
        }
        throw new AssertionError(what + " never arrived; last seen " + last);
    }

    private static JsonNode awaitFigures(String territory, java.util.function.Predicate<JsonNode> done) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        JsonNode last = null;
        while (System.nanoTime() < deadline) {
            HttpResponse<String> response = send("reporting", HttpRequest.newBuilder()
                    .uri(URI.create(stack.baseUrl("reporting") + "/figures/territories/" + territory + "/2020")).GET());
            if (response.statusCode() == 200) {
                last = JSON.readTree(response.body());
                if (done.test(last)) {
                    return last;
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError(territory + " 2020 figures never arrived; last seen " + last);
    }

    private static LocalStack started(StackLayout layout) {
        LocalStack stack = new LocalStack(layout);
        long start = System.nanoTime();
        stack.start();
        System.out.printf("e2e: local stack ready in %d ms%n", (System.nanoTime() - start) / 1_000_000);
        return stack;
    }

    private static String enrol(String entryDate) throws Exception {
        String pathwayId = UUID.randomUUID().toString();
        post("enrolment", "/pathways", enrolment(pathwayId, entryDate), 201);
        return pathwayId;
    }

    private static String enrolment(String pathwayId, String entryDate) {
        return "{\"pathwayId\":\"%s\",\"program\":\"CONVERGENCE\",\"chantierId\":\"emmaus-defi\",\"entryDate\":\"%s\"}"
                .formatted(pathwayId, entryDate);
    }

    /** Polls the Paris 2020 figures until they match; returns how long that took. */
    private static long awaitFigures(int accompanied, int exits) throws Exception {
        return awaitFigures(accompanied, exits, Duration.ofSeconds(60));
    }

    private static long awaitFigures(int accompanied, int exits, Duration timeout) throws Exception {
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        JsonNode last = null;
        while (System.nanoTime() < deadline) {
            HttpResponse<String> response = send("reporting", HttpRequest.newBuilder()
                    .uri(URI.create(stack.baseUrl("reporting") + "/figures/territories/paris/2020")).GET());
            if (response.statusCode() == 200) {
                last = JSON.readTree(response.body());
                if (last.get("accompanied").asInt() == accompanied && last.get("exits").asInt() == exits) {
                    return (System.nanoTime() - start) / 1_000_000;
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("Paris 2020 figures never reached accompanied=" + accompanied + ", exits=" + exits
                + "; last seen " + last);
    }

    private static List<Integer> ports() {
        List<Integer> ports = new java.util.ArrayList<>(layout.servicePorts().values());
        ports.add(layout.kafkaPort());
        ports.add(layout.mongoPort());
        return ports;
    }

    private static boolean listening(int port) {
        try (java.net.Socket socket = new java.net.Socket()) {
            socket.connect(new java.net.InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException refused) {
            return false;
        }
    }

    private static void post(String service, String path, String body, int expectedStatus) throws Exception {
        assertEquals(expectedStatus, postStatus(service, path, body), "POST " + path);
    }

    private static int postStatus(String service, String path, String body) throws Exception {
        return send(service, HttpRequest.newBuilder().uri(URI.create(stack.baseUrl(service) + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))).statusCode();
    }

    private static JsonNode get(String service, String path) throws Exception {
        HttpResponse<String> response = send(service,
                HttpRequest.newBuilder().uri(URI.create(stack.baseUrl(service) + path)).GET());
        assertEquals(200, response.statusCode(), path + ": " + response.body());
        return JSON.readTree(response.body());
    }

    private static HttpResponse<String> send(String service, HttpRequest.Builder request) throws Exception {
        return HTTP.send(request.header("Authorization", "Bearer " + national).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

}
