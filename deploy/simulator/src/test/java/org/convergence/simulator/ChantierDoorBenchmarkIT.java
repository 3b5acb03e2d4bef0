package org.convergence.simulator;

import org.convergence.contracts.IntegrationEventCodec;
import org.convergence.contracts.IntegrationEvents;
import org.convergence.localstack.LocalStack;
import org.convergence.localstack.StackLayout;
import org.convergence.testsupport.RawWriteRate;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * How fast enrolment's chantier-pathways door applies what chantiers' software sends (every record one use case of
 * the REST API, with its idempotence read), beside the embedded MongoDB's raw write rate in the same run. Run with
 * {@code ./mvnw -B -pl deploy/simulator -am verify -Dbenchmark -Dit.test=ChantierDoorBenchmarkIT -Dtest=none
 * -Dsurefire.failIfNoSpecifiedTests=false} (docs/benchmarks.md).
 */
@Tag("benchmark")
class ChantierDoorBenchmarkIT {

    private static final Pattern APPLIED = Pattern.compile(
            "convergence_consumer_events_(applied|dead_lettered)_total\\{[^}]*consumer=\"chantier-pathways\"[^}]*} "
                    + "([0-9.E]+)");

    @Test
    void theDoorAppliesPathwayFactsAtAMeasuredRate() throws Exception {
        StackLayout layout = StackLayout.forTestRun("deploy/simulator", "bench-");
        try (LocalStack stack = new LocalStack(layout)) {
            stack.start();
            IntegrationEventCodec codec = new IntegrationEventCodec(IntegrationEvents.all());
            History history = HistoryGenerator.generate(new HistoryGenerator.Plan(7, "bench", 4,
                    Integer.getInteger("benchmark.pathways", 500), 0, 0, LocalDate.now(ZoneOffset.UTC)));
            List<SimulatedRecord> facts = history.pathwayFacts();
            new RestSender(stack.baseUrl("enrolment"), stack.baseUrl("hours"), stack::token, codec).register(history);
            double raw = RawWriteRate.insertMany("mongodb://127.0.0.1:" + layout.mongoPort());

            long start = System.nanoTime();
            try (KafkaSender kafka = new KafkaSender("127.0.0.1:" + layout.kafkaPort(), codec, Clock.systemUTC())) {
                kafka.send(facts);
            }
            double sent = (System.nanoTime() - start) / 1e9;
            long done = awaitHandled(stack.baseUrl("enrolment"), facts.size(), Duration.ofMinutes(20));
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("chantier-pathways door: %,d pathway facts (%,d pathways of 4 chantiers) sent in %.1f s, "
                    + "applied in %.1f s: %,.0f facts/s%n", facts.size(), history.valid().stream()
                    .filter(r -> r.type().name().equals("chantier-pathway.enrolled")).count(), sent, seconds,
                    facts.size() / seconds);
            System.out.printf("raw insertMany on the stack's embedded MongoDB, same run: %,.0f documents/s "
                    + "(door/raw = %.3f)%n", raw, facts.size() / seconds / raw);
            assertEquals(facts.size(), done, "every fact handled once");
        }
    }

    /** Polls the door's counters (applied + dead-lettered) until they reach {@code expected}. */
    private static long awaitHandled(String enrolment, int expected, Duration patience) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + patience.toNanos();
        long handled = 0;
        while (handled < expected && System.nanoTime() < deadline) {
            Thread.sleep(250);
            String metrics = http.send(HttpRequest.newBuilder(URI.create(enrolment + "/q/metrics")).GET().build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            handled = 0;
            Matcher matcher = APPLIED.matcher(metrics);
            while (matcher.find()) {
                handled += (long) Double.parseDouble(matcher.group(2));
            }
        }
        return handled;
    }
}
