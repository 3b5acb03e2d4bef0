package org.convergence.localstack;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The kill soak (issue 13, item 7): the local stack under a steady load of enrolments and exits, each of its
 * processes (database, broker, enrolment, reporting) killed with SIGKILL in turn, several rounds. At the end every
 * acknowledged fact is in the event store exactly once, every stored fact is in reporting's read model exactly
 * once, and no fact is in the read model without being stored; it prints the ledger and how long the figures
 * stood still after each kill. Outside the default build:
 * {@code ./mvnw -B -pl deploy/local-stack -am verify -Dbenchmark -Dit.test=KillSoakIT -Dtest=none
 * -Dsurefire.failIfNoSpecifiedTests=false} (under {@code flock /tmp/local-stack.lock}); {@code -Dsoak.rounds},
 * {@code -Dsoak.rate} (enrolments per second) and {@code -Dsoak.interval-seconds} (steady load between a
 * recovery and the next kill) tune it.
 */
@Tag("benchmark")
class KillSoakIT {

    private static final int ROUNDS = Integer.getInteger("soak.rounds", 3);
    private static final double RATE = Double.parseDouble(System.getProperty("soak.rate", "15"));
    private static final Duration INTERVAL = Duration.ofSeconds(Long.getLong("soak.interval-seconds", 15));
    private static final List<String> PROCESSES = List.of("mongo", "kafka", "enrolment", "reporting");
    private static final Duration RECOVERY_LIMIT = Duration.ofMinutes(3);
    private static final String TERRITORY = "soak";
    private static final String CHANTIER = "soak-aci";

    private record Kill(int round, String process, long killedAt, long backAt, long caughtUpAt,
                        long acknowledgedWhileAway, Duration standstill) {
    }

    @Test
    void killingEachProcessInTurnLosesNoAcknowledgedFactAndAppliesEveryStoredFactOnce() throws Exception {
        StackLayout layout = StackLayout.forTestRun("deploy/local-stack", "soak-");
        try (LocalStack stack = new LocalStack(layout)) {
            stack.start();
            String token = stack.token("national", Map.of());
            setUp(stack, token);

            List<Kill> kills = new ArrayList<>();
            long loadStart = System.nanoTime();
            try (FiguresWatch watch = new FiguresWatch(stack.baseUrl("reporting"), TERRITORY, 2020, token)) {
                SoakLoad load = new SoakLoad(stack.baseUrl("enrolment"), token, CHANTIER, RATE);
                load.start();
                try {
                    TimeUnit.MILLISECONDS.sleep(INTERVAL.toMillis());
                    for (int round = 1; round <= ROUNDS; round++) {
                        for (String process : PROCESSES) {
                            long acknowledgedBefore = load.acknowledgedFacts();
                            long killedAt = System.nanoTime();
                            // SIGKILL, as kill -9: no shutdown hook, nothing flushed; the launcher restarts it.
                            long killedPid = stack.kill(process);
                            stack.awaitBack(process, killedPid, RECOVERY_LIMIT);
                            long backAt = System.nanoTime();
                            long acknowledgedWhileAway = load.acknowledgedFacts() - acknowledgedBefore;
                            // Recovered once an enrolment acknowledged after the process was back, and every one
                            // before it, shows in the figures: the whole path works again. The next kill waits for
                            // that, so each standstill has one cause.
                            int target = load.awaitEnrolmentAcknowledgedAfter(backAt, RECOVERY_LIMIT);
                            long caughtUpAt = target < 0 ? -1
                                    : watch.awaitAccompaniedAtLeast(target, backAt, RECOVERY_LIMIT);
                            Kill kill = new Kill(round, process, killedAt, backAt, caughtUpAt, acknowledgedWhileAway,
                                    watch.longestStandstill(killedAt, caughtUpAt > 0 ? caughtUpAt : System.nanoTime()));
                            kills.add(kill);
                            System.out.printf("soak: round %d, %s killed, ready again after %.1f s, figures caught up "
                                            + "after %.1f s, stood still up to %.1f s%n", round, process,
                                    seconds(backAt - killedAt), seconds(caughtUpAt - killedAt),
                                    kill.standstill().toMillis() / 1e3);
                            TimeUnit.MILLISECONDS.sleep(INTERVAL.toMillis());
                        }
                    }
                } finally {
                    load.close();
                }
                long loadEnd = System.nanoTime();

                StoreAudit store = awaitQuiescence(layout, watch);
                ReadModelAudit readModel = ReadModelAudit.read(stack.baseUrl("reporting"), token, TERRITORY);
                Ledger ledger = Ledger.of(load, store, readModel);
                print(ledger, store, load, kills, loadStart, loadEnd);

                assertEquals(ROUNDS * PROCESSES.size(), kills.size());
                for (Kill kill : kills) {
                    assertTrue(kill.caughtUpAt() > 0, "figures never caught up after killing " + kill.process());
                }
                assertEquals(0, ledger.lost(), "acknowledged facts missing from the store or stored facts missing from "
                        + "the read model: " + ledger.lostExamples());
                assertEquals(0, ledger.duplicated(), "facts stored or applied more than once");
                assertEquals(0, ledger.phantoms(), "facts in the read model that the store does not hold: "
                        + ledger.phantomExamples());
            }
        }
    }

    private static void setUp(LocalStack stack, String token) throws Exception {
        post(stack, token, "/territories", """
                {"territoryId":"%s","name":"Soak","densityKind":"URBAN"}""".formatted(TERRITORY));
        post(stack, token, "/territories/" + TERRITORY + "/chantiers", """
                {"chantierId":"%s","name":"Soak ACI","programs":[{"program":"CONVERGENCE","since":"2019-01-01"}]}"""
                .formatted(CHANTIER));
    }

    /** Waits until reporting's figures agree with the store and stop moving (the relay and consumer drained). */
    private static StoreAudit awaitQuiescence(StackLayout layout, FiguresWatch watch) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        StoreAudit store = StoreAudit.read(layout.mongoUri());
        while (System.nanoTime() < deadline) {
            JsonNode figures = watch.lastFigures();
            if (figures != null && figures.path("accompanied").asInt() == store.enrolments().size()
                    && figures.path("exits").asInt() == store.exits().size()) {
                return store;
            }
            TimeUnit.SECONDS.sleep(2);
            store = StoreAudit.read(layout.mongoUri());
        }
        System.out.println("soak: the figures did not catch up with the store within 5 minutes; last seen "
                + watch.lastFigures());
        return store;
    }

    private static void print(Ledger ledger, StoreAudit store, SoakLoad load, List<Kill> kills, long loadStart,
                              long loadEnd) {
        StringBuilder out = new StringBuilder("\nkill soak: ");
        out.append(String.format("%d rounds, %.0f enrolments/s offered (30 %% then exit), %.0f s of load, "
                        + "HTTP outcomes %s, %d not sent (no free worker)%n", ROUNDS, RATE,
                seconds(loadEnd - loadStart), new TreeMap<>(load.statuses), load.notSent.get()));
        out.append(String.format("  facts acknowledged %d, stored %d, applied %d, lost %d, duplicated %d, "
                        + "in the read model but not stored %d%n", ledger.acknowledged(), ledger.stored(),
                ledger.applied(), ledger.lost(), ledger.duplicated(), ledger.phantoms()));
        out.append(String.format("  not acknowledged but stored (in flight at a kill, stored whole): %d; "
                + "not acknowledged and absent: %d%n", ledger.unacknowledgedStored(), ledger.unacknowledgedAbsent()));
        out.append(String.format("  left behind by design: %d streams still queued for the relay, %d slots without "
                + "a stored pathway%n", store.relayQueue(), store.orphanSlots()));
        out.append(String.format("  %-6s %-10s %14s %20s %26s %14s%n", "round", "process", "ready again",
                "figures caught up", "figures stood still up to", "acknowledged"));
        for (Kill kill : kills) {
            out.append(String.format("  %-6d %-10s %12.1f s %18.1f s %24.1f s %14d%n", kill.round(), kill.process(),
                    seconds(kill.backAt() - kill.killedAt()), seconds(kill.caughtUpAt() - kill.killedAt()),
                    kill.standstill().toMillis() / 1e3, kill.acknowledgedWhileAway()));
        }
        out.append("  (seconds from the kill. Caught up: the figures count an enrolment acknowledged after the"
                + " process was ready again, and all before it. Stood still: the longest time between two changes"
                + " of the figures from the kill until caught up. Acknowledged: facts acknowledged while the process"
                + " was away)\n");
        System.out.println(out);
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }

    private static void post(LocalStack stack, String token, String path, String body) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(stack.baseUrl("enrolment") + path)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(201, response.statusCode(), path + ": " + response.body());
    }

}
