package org.convergence.localstack;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.convergence.contracts.Topics;
import org.convergence.testsupport.RawWriteRate;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Issue 8's ingestion path whole, every server in its own process as the launcher runs them: weekly timesheets
 * written by chantier software to its inbound topic, stored by the hours service, relayed to
 * {@code convergence.hours.v1}, and counted in reporting's territory figure. Prints weekly facts per second to the
 * relayed topic and to the reporting figure, beside the stack database's raw {@code insertMany} rate measured in the
 * same run. Prints figures; asserts only that every fact reached the figure, exactly once.
 *
 * <p>Run: {@code ./mvnw -B -pl deploy/local-stack -am verify -Dbenchmark -Dit.test=TimesheetsToFiguresBenchmarkIT
 * -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false -Dfailsafe.failIfNoSpecifiedTests=false}
 * ({@code -Dbench.pathways=N}, 1,000 by default, ten weeks each; {@code -Dbench.warmup.weeks=N}, 0 by default: N
 * weeks of every pathway sent and counted in the figure before the timed window, so that the window measures a
 * stack whose code is compiled rather than one compiling it, ADR 0047).
 */
@Tag("benchmark")
class TimesheetsToFiguresBenchmarkIT {

    private static final int PATHWAYS = Integer.getInteger("bench.pathways", 1_000);
    private static final int WEEKS = 10;
    private static final int WARM_UP_WEEKS = Integer.getInteger("bench.warmup.weeks", 0);
    private static final int HOURS_A_WEEK = 26;
    /** Rounds of the raw {@code insertMany} before the one the ratio is taken against (ADR 0058). */
    private static final int RAW_WARM_UP_ROUNDS = Integer.getInteger("bench.raw-warm-up-rounds", 8);
    private static final String TERRITORY = "bench-hours";
    private static final String CHANTIER = "bench-hours-aci";

    @Test
    void timesheetsFromTheInboundTopicToTheReportingFigure() throws Exception {
        StackLayout layout = StackLayout.forTestRun("deploy/local-stack", "bench-hours-");
        // One client reads the relayed topic's end offsets every 100 ms while the benchmark waits (ADR 0047).
        try (LocalStack stack = new LocalStack(layout); TopicEnds relayed = new TopicEnds(layout.kafkaBootstrap())) {
            stack.start();
            // The topic is created before the import (TimesheetFeed.ready): outside the timed window.
            TimesheetFeed feed = TimesheetFeed.ready(stack, layout, TERRITORY, CHANTIER, PATHWAYS);
            StackCalls national = feed.national();
            List<String> pathways = feed.pathways();
            // A fresh stack's first facts are partly compiling its code (ADR 0047): warmed up, the window is not.
            long warmUpHours = (long) PATHWAYS * WARM_UP_WEEKS * HOURS_A_WEEK;
            if (WARM_UP_WEEKS > 0) {
                long warmedUpRelayed = relayed.of(Topics.HOURS) + (long) PATHWAYS * WARM_UP_WEEKS;
                publishTimesheets(feed, pathways, 2, WARM_UP_WEEKS);
                StackCalls.await("the warm-up relayed", () -> relayed.of(Topics.HOURS), n -> n >= warmedUpRelayed);
                StackCalls.await("the warm-up in the figure", () -> national.get("reporting", "/figures/territories/"
                        + TERRITORY + "/2020"), f -> f.at("/hours/workedConvergence").asLong() >= warmUpHours);
            }
            long relayedBefore = relayed.of(Topics.HOURS);

            int facts = PATHWAYS * WEEKS;
            Map<String, Long> requestsBefore = BrokerRequests.snapshot(stack.pids().get(LocalStack.KAFKA));
            ProcessCpu.Snapshot cpuBefore = ProcessCpu.snapshot(stack.pids());
            Instant windowStart = Instant.now();
            long start = System.nanoTime();
            publishTimesheets(feed, pathways, 2 + WARM_UP_WEEKS, WEEKS);
            double publishSeconds = seconds(start);
            StackCalls.await("every fact relayed to " + Topics.HOURS,
                    () -> relayed.of(Topics.HOURS) - relayedBefore, n -> n >= facts);
            double relayedSeconds = seconds(start);
            long expectedHours = warmUpHours + (long) facts * HOURS_A_WEEK;
            JsonNode figures = StackCalls.await("the territory's hours figure", () -> national.get("reporting",
                    "/figures/territories/" + TERRITORY + "/2020"),
                    f -> f.at("/hours/workedConvergence").asLong() >= expectedHours);
            double figureSeconds = seconds(start);
            ProcessCpu.Window cpu = ProcessCpu.snapshot(stack.pids()).since(cpuBefore);
            Map<String, Long> requestsAfter = BrokerRequests.snapshot(stack.pids().get(LocalStack.KAFKA));
            assertEquals(expectedHours, figures.at("/hours/workedConvergence").asLong(),
                    "every weekly fact counted once in the territory's figure");
            assertEquals(facts, relayed.of(Topics.HOURS) - relayedBefore,
                    "one relayed event per weekly fact");

            RawWriteRate.warmUpInsertMany(layout.mongoUri(), RAW_WARM_UP_ROUNDS, "timesheets to figures");
            double rawBulk = RawWriteRate.insertMany(layout.mongoUri());
            System.out.printf("%ntimesheets to figures: %,d weekly facts (%,d pathways x %d weeks, after %d weeks of "
                            + "warm-up) written to %s in "
                            + "%.1f s; relayed to %s after %.1f s = %,.0f facts/s; in reporting's territory figure "
                            + "after %.1f s = %,.0f facts/s%n", facts, PATHWAYS, WEEKS, WARM_UP_WEEKS,
                    Topics.timesheetsOf(CHANTIER),
                    publishSeconds, Topics.HOURS, relayedSeconds, facts / relayedSeconds, figureSeconds,
                    facts / figureSeconds);
            System.out.printf("timesheets to figures: the stack's embedded MongoDB in the same run: insertMany "
                    + "%,.0f documents/s; facts/s to the figure / insertMany rate = %.2f%n", rawBulk,
                    (facts / figureSeconds) / rawBulk);
            // Where the time went (ADR 0045): CPU per fact of each process over the timed window (publish to
            // figure); their sum times the rate against the machine's cores says CPU-bound or waiting.
            System.out.printf("timesheets to figures: CPU used in the timed window (%s to %s UTC: cut flight "
                    + "recordings to it), per process (with its descendants) and per weekly fact:%n%s",
                    windowStart, windowStart.plusMillis((long) (figureSeconds * 1000)), cpu.table(facts, "fact"));
            // What the broker's CPU per fact was spent on (ADR 0047): requests per type and per topic, same window.
            System.out.printf("timesheets to figures: requests the Kafka broker served in the timed window:%n%s",
                    BrokerRequests.table(requestsBefore, requestsAfter, facts));
        }
    }

    /** {@code weeks} weeks of 26 hours from week {@code first} for each pathway, as chantier software writes them. */
    private static void publishTimesheets(TimesheetFeed feed, List<String> pathways, int first, int weeks)
            throws Exception {
        try (KafkaProducer<String, byte[]> producer = feed.producer()) {
            List<Future<?>> sent = new ArrayList<>();
            for (int week = first; week < first + weeks; week++) {
                String isoWeek = "2020-W%02d".formatted(week);
                for (String pathway : pathways) {
                    sent.add(feed.send(producer, pathway, isoWeek, HOURS_A_WEEK * 60));
                }
            }
            TimesheetFeed.acknowledged(sent);
        }
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
