package org.convergence.localstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.bson.Document;
import org.convergence.contracts.Topics;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The largest stream under {@code kill -9} (issue 8 on the guarantees of ADR 0014): weekly timesheets flow from a
 * chantier's inbound topic through the hours service's door, its event store and relay, to reporting's figure,
 * while the hours service, the database and reporting are each killed with SIGKILL in turn (the launcher restarts
 * them). Each kill lands once a third of a tranche of weeks is relayed, every consumer taking small batches: facts
 * stored before it, in flight at it and stored after it.
 * At the end every week sent is stored exactly once (one recorded fact, no correction), none is dead-lettered, and
 * the territory's hours figure counts each exactly once.
 */
class HoursKillIT {

    private static final int PATHWAYS = 300;
    private static final int WEEKS_PER_KILL = 3;
    private static final int MINUTES_A_WEEK = 26 * 60;
    /**
     * Small batches in every consumer (the door's included): a tranche is then stored in many batches, so the kill
     * finds batches polled and not yet stored, stored and not yet committed, and ones still to come.
     */
    private static final Map<String, String> SMALL_BATCHES = Map.of("CONVERGENCE_CONSUMER_MAX_POLL_RECORDS", "50");
    private static final Duration RECOVERY_LIMIT = Duration.ofMinutes(3);
    private static final List<String> PROCESSES = List.of("hours", LocalStack.MONGO, "reporting");
    private static final String TERRITORY = "hours-kill";
    private static final String CHANTIER = "hours-kill-aci";
    private static final String RECORDED = "$WeekHoursRecordedEvent";
    private static final String CORRECTED = "$WeekHoursCorrectedEvent";

    @Test
    void killingTheHoursServiceTheDatabaseOrReportingMidStreamStoresAndCountsEveryWeekOnce() throws Exception {
        StackLayout layout = StackLayout.forTestRun("deploy/local-stack", "hours-kill-");
        try (LocalStack stack = new LocalStack(layout, System.out::println, SMALL_BATCHES)) {
            stack.start();
            TimesheetFeed feed = TimesheetFeed.ready(stack, layout, TERRITORY, CHANTIER, PATHWAYS);
            StackCalls national = feed.national();
            List<String> pathways = feed.pathways();

            List<String> weeksSent = new ArrayList<>();
            try (KafkaProducer<String, byte[]> producer = feed.producer()) {
                int week = 2;
                for (String process : PROCESSES) {
                    List<String> tranche = new ArrayList<>();
                    for (int i = 0; i < WEEKS_PER_KILL; i++) {
                        tranche.add("2020-W%02d".formatted(week++));
                    }
                    long relayedBefore = TimesheetFeed.endOffsets(layout.kafkaBootstrap(), Topics.HOURS);
                    List<Future<?>> sending = send(feed, producer, pathways, tranche);
                    // The kill lands once a third of the tranche is relayed: the rest in flight or still to come.
                    long relayedAtTheKill = StackCalls.await("a third of " + tranche + " relayed",
                            () -> TimesheetFeed.endOffsets(layout.kafkaBootstrap(), Topics.HOURS),
                            relayed -> relayed >= relayedBefore + (long) tranche.size() * PATHWAYS / 3);
                    // SIGKILL, as kill -9: no shutdown hook, nothing flushed; the launcher restarts it.
                    long killedPid = stack.kill(process);
                    TimesheetFeed.acknowledged(sending);
                    Duration back = stack.awaitBack(process, killedPid, RECOVERY_LIMIT);
                    weeksSent.addAll(tranche);
                    System.out.printf("hours kill: %s killed once %s flowed (%d records relayed since the tranche "
                            + "began, re-sends included, for its %d weeks), ready again after %.1f s%n", process,
                            tranche, relayedAtTheKill - relayedBefore, tranche.size() * PATHWAYS,
                            back.toMillis() / 1e3);
                }
            }

            long facts = (long) weeksSent.size() * PATHWAYS;
            long expectedHours = facts * MINUTES_A_WEEK / 60;
            try {
                StackCalls.await("the territory's hours figure", () -> hoursWorked(national), h -> h >= expectedHours);
            } catch (AssertionError notThere) {
                throw new AssertionError(notThere.getMessage() + "; " + diagnosis(layout.kafkaBootstrap(), feed),
                        notThere);
            }
            Map<String, Integer> stored = awaitRelayDrained(layout.mongoUri());
            assertEquals(facts, stored.size(), "every week sent is stored");
            assertEquals(Map.of(), duplicatedOrCorrected(stored), "a week stored more than once");
            for (String pathway : pathways) {
                for (String week : weeksSent) {
                    assertTrue(stored.containsKey(pathway + " " + week), "week " + week + " of " + pathway + " lost");
                }
            }
            List<ConsumerRecord<String, byte[]>> deadLetters = StackCalls.deadLetters(layout.kafkaBootstrap(),
                    feed.topic());
            assertEquals(List.of(), deadLetters.stream().map(dead -> StackCalls.header(dead, "dlq.code")).toList(),
                    "no valid week dead-lettered");
            assertEquals(expectedHours, hoursWorked(national), "every week counted once in the territory's figure");
        }
    }

    /** Sends the tranche's weeks for every pathway at once, as chantier software catching up would. */
    private static List<Future<?>> send(TimesheetFeed feed, KafkaProducer<String, byte[]> producer,
                                        List<String> pathways, List<String> weeks) {
        List<Future<?>> sent = new ArrayList<>();
        for (String week : weeks) {
            for (String pathway : pathways) {
                sent.add(feed.send(producer, pathway, week, MINUTES_A_WEEK));
            }
        }
        producer.flush();
        return sent;
    }

    /** Where the weeks stopped, for a failure's message: the door's group, its offsets, relayed and dead letters. */
    private static String diagnosis(String bootstrap, TimesheetFeed feed) {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            var group = admin.describeConsumerGroups(List.of("hours-timesheets")).all().get(30, TimeUnit.SECONDS);
            var offsets = admin.listConsumerGroupOffsets("hours-timesheets").partitionsToOffsetAndMetadata()
                    .get(30, TimeUnit.SECONDS);
            return "door group " + group + ", committed " + offsets + ", sent " + TimesheetFeed.endOffsets(bootstrap,
                    feed.topic()) + ", relayed " + TimesheetFeed.endOffsets(bootstrap, Topics.HOURS)
                    + ", dead letters " + StackCalls.deadLetters(bootstrap, feed.topic()).stream()
                    .map(dead -> StackCalls.header(dead, "dlq.reason")).distinct().toList();
        } catch (Exception e) {
            return "no diagnosis: " + e;
        }
    }

    private static long hoursWorked(StackCalls national) throws Exception {
        JsonNode figures = national.get("reporting", "/figures/territories/" + TERRITORY + "/2020");
        return figures.at("/hours/workedConvergence").asLong();
    }

    /**
     * Per "pathway week", the number of hours facts the hours service's event store holds (corrections counted
     * negative so that any shows), once its relay queue is empty: a fact stored by a door that died before
     * committing its offsets is stored already when the restarted door reads it again.
     */
    private static Map<String, Integer> awaitRelayDrained(String mongoUri) throws Exception {
        return StackCalls.await("the hours relay drained", () -> {
            try (MongoClient client = MongoClients.create(mongoUri + "/?serverSelectionTimeoutMS=10000")) {
                var database = client.getDatabase("hours");
                if (database.getCollection("relay_queue").countDocuments() > 0) {
                    return null;
                }
                Map<String, Integer> weeks = new TreeMap<>();
                for (Document commit : database.getCollection("event_commits").find()) {
                    for (Document event : commit.getList("events", Document.class)) {
                        String type = event.getString("type");
                        Document payload = event.get("payload", Document.class);
                        String key = payload.getString("pathwayId") + " " + payload.getString("week");
                        if (type.endsWith(RECORDED)) {
                            weeks.merge(key, 1, Integer::sum);
                        } else if (type.endsWith(CORRECTED)) {
                            weeks.merge(key, -1_000, Integer::sum);
                        }
                    }
                }
                return weeks;
            }
        }, weeks -> weeks != null);
    }

    private static Map<String, Integer> duplicatedOrCorrected(Map<String, Integer> stored) {
        Map<String, Integer> wrong = new TreeMap<>();
        stored.forEach((week, count) -> {
            if (count != 1) {
                wrong.put(week, count);
            }
        });
        return wrong;
    }
}
