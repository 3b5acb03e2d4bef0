package org.convergence.localstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
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
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The event path under sustained load, on the local stack (H2 backend, every server in its own process):
 * <ol>
 *   <li>200 enrolment commands a second through the REST API for 5 minutes (70 % enrolments, 30 % exits of
 *       pathways enrolled a few seconds earlier), while a probe enrols one pathway at a time in a territory of its
 *       own and times the delay from its 2xx answer to its territory figure reflecting it (polled every 20 ms),
 *       split at the moment an observer consumer sees its event on the topic;</li>
 *   <li>a backlog: 10,000 historic pathways imported while Kafka is stopped, then the time the relay takes to
 *       publish them once Kafka is back, and the time until the figures reflect them;</li>
 *   <li>the embedded server's raw {@code insertMany} rate (the drain's yardstick) and its one-at-a-time
 *       {@code insertOne} rate (the commands' yardstick: each command is a few durable writes) in the same run.</li>
 * </ol>
 * Prints figures; asserts only correctness (every answered command reaches the figures).
 * Run: {@code flock /tmp/local-stack.lock ./mvnw -B -pl deploy/local-stack -am verify -Dbenchmark
 * -Dit.test=SustainedLoadBenchmarkIT -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false}
 * ({@code -Dbench.rate=N -Dbench.seconds=N -Dbench.backlog=N} to change the load).
 */
@Tag("benchmark")
class SustainedLoadBenchmarkIT {

    private static final int RATE = Integer.getInteger("bench.rate", 200);
    private static final int SECONDS = Integer.getInteger("bench.seconds", 300);
    private static final int BACKLOG = Integer.getInteger("bench.backlog", 10_000);
    private static final String TOPIC = "convergence.enrolment.v1";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern PUBLISHED = Pattern.compile("(?m)^convergence_relay_events_published_total(?:\\{[^}]*})? (\\S+)$");
    private static final Pattern BACKLOG_STREAMS = Pattern.compile("(?m)^convergence_relay_backlog_streams(?:\\{[^}]*})? (\\S+)$");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private LocalStack stack;
    private String token;

    @Test
    void commandToFigureDelayUnderSustainedLoadAndTheDrainOfABacklog() throws Exception {
        StackLayout layout = StackLayout.forTestRun("deploy/local-stack", "bench-load-");
        try (LocalStack started = new LocalStack(layout)) {
            stack = started;
            stack.start();
            token = stack.token("national", Map.of());
            double rawInsert = RawWriteRate.insertMany(layout.mongoUri());
            double rawInsertOne = RawWriteRate.insertOneByOne(layout.mongoUri());
            for (String territory : List.of("load", "probe", "drain")) {
                post("/territories", "{\"territoryId\":\"" + territory + "\",\"name\":\"" + territory
                        + "\",\"densityKind\":\"URBAN\"}", 201);
                post("/territories/" + territory + "/chantiers", "{\"chantierId\":\"" + territory + "-aci\",\"name\":\"ACI\","
                        + "\"programs\":[{\"program\":\"CONVERGENCE\",\"since\":\"2010-01-01\"}]}", 201);
            }

            LoadResult load = sustainedLoad(layout.kafkaBootstrap());
            DrainResult drain = backlogDrain();

            System.out.printf("%nsustained load on the local stack (H2 backend), %d commands/s asked for %d s:%n", RATE, SECONDS);
            System.out.printf("  sent %,d, answered 2xx %,d (%.0f/s), 503 OVERLOADED %,d, other failures %,d%n", load.sent,
                    load.accepted, load.accepted / (double) SECONDS, load.overloaded, load.failed);
            System.out.printf("  command-to-figure delay, %d probes: p50 %.0f ms, p99 %.0f ms, max %.0f ms%n",
                    load.delays.length, percentile(load.delays, 50), percentile(load.delays, 99), max(load.delays));
            System.out.printf("    of which 2xx to event on the topic (relay):  p50 %.0f ms, p99 %.0f ms, max %.0f ms%n",
                    percentile(load.toTopic, 50), percentile(load.toTopic, 99), max(load.toTopic));
            System.out.printf("    and topic to figure (reporting):            p50 %.0f ms, p99 %.0f ms, max %.0f ms%n",
                    percentile(load.toFigure, 50), percentile(load.toFigure, 99), max(load.toFigure));
            System.out.printf("  the load territory's figures were complete %.1f s after the last answer%n", load.catchUpSeconds);
            System.out.printf("backlog of %,d imported pathways (%,d events) stored while Kafka was stopped:%n", BACKLOG,
                    drain.events);
            System.out.printf("  relay drained it at %,.0f events/s (%.1f s from the first event published)%n",
                    drain.events / drain.relaySeconds, drain.relaySeconds);
            System.out.printf("  figures complete %.1f s after Kafka was back (reporting applied %,.0f events/s on average)%n",
                    drain.figureSeconds, drain.events / drain.figureSeconds);
            System.out.printf("raw insertMany on the stack's embedded MongoDB, same run: %,.0f documents/s%n", rawInsert);
            System.out.printf("raw insertOne, one durable write at a time (the yardstick of commands answered): "
                    + "%,.0f documents/s (commands answered: %.2f of it)%n", rawInsertOne,
                    load.accepted / (double) SECONDS / rawInsertOne);
        }
    }

    private record LoadResult(int sent, int accepted, int overloaded, int failed, double[] delays, double[] toTopic,
                              double[] toFigure, double catchUpSeconds) {
    }

    private record DrainResult(long events, double relaySeconds, double figureSeconds) {
    }

    private LoadResult sustainedLoad(String kafka) throws Exception {
        Map<String, Long> seenOnTopic = new ConcurrentHashMap<>();
        AtomicBoolean running = new AtomicBoolean(true);
        Thread observer = new Thread(() -> observe(kafka, seenOnTopic, running), "bench-observer");
        observer.start();

        AtomicInteger sent = new AtomicInteger();
        AtomicInteger enrolled = new AtomicInteger();
        AtomicInteger exited = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        AtomicInteger overloaded = new AtomicInteger();
        AtomicInteger inFlight = new AtomicInteger();
        ConcurrentLinkedQueue<String[]> exitable = new ConcurrentLinkedQueue<>(); // pathwayId, entryDate, at
        List<double[]> probes = new ArrayList<>();
        Thread probe = new Thread(() -> probe(probes, seenOnTopic, running), "bench-probe");
        probe.start();

        Random random = new Random(200);
        long start = System.nanoTime();
        long lastAnswer = start;
        long interval = 1_000_000_000L / RATE;
        for (long i = 0; i < (long) RATE * SECONDS; i++) {
            long due = start + i * interval;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
            String[] candidate = random.nextInt(10) < 3 ? exitable.peek() : null;
            boolean exit = candidate != null && System.nanoTime() - Long.parseLong(candidate[2]) > 3_000_000_000L
                    && exitable.remove(candidate);
            HttpRequest request;
            if (exit) {
                LocalDate exitDate = LocalDate.parse(candidate[1]).plusDays(1 + random.nextInt(150));
                request = postRequest("/pathways/" + candidate[0] + "/exit", "{\"exitDate\":\"" + exitDate
                        + "\",\"category\":\"DURABLE_EMPLOYMENT\"}");
            } else {
                String pathwayId = UUID.randomUUID().toString();
                LocalDate entry = LocalDate.of(2021, 1, 1).plusDays(random.nextInt(180));
                candidate = new String[] {pathwayId, entry.toString(), Long.toString(System.nanoTime())};
                request = postRequest("/pathways", "{\"pathwayId\":\"" + pathwayId + "\",\"program\":\"CONVERGENCE\","
                        + "\"chantierId\":\"load-aci\",\"entryDate\":\"" + entry + "\"}");
            }
            String[] pathway = candidate;
            boolean isExit = exit;
            sent.incrementAndGet();
            inFlight.incrementAndGet();
            http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, error) -> {
                inFlight.decrementAndGet();
                if (error == null && response.statusCode() == 503) {
                    overloaded.incrementAndGet();
                } else if (error != null || response.statusCode() / 100 != 2) {
                    failed.incrementAndGet();
                } else if (isExit) {
                    exited.incrementAndGet();
                } else {
                    enrolled.incrementAndGet();
                    pathway[2] = Long.toString(System.nanoTime());
                    exitable.add(pathway);
                }
            });
        }
        while (inFlight.get() > 0) {
            Thread.sleep(5);
        }
        lastAnswer = System.nanoTime();
        running.set(false);
        probe.join();
        observer.join();

        double catchUp;
        while (true) {
            JsonNode figures = figures("load", 2021);
            if (figures != null && figures.get("accompanied").asInt() == enrolled.get()
                    && figures.get("exits").asInt() == exited.get()) {
                catchUp = (System.nanoTime() - lastAnswer) / 1e9;
                break;
            }
            assertTrue(System.nanoTime() - lastAnswer < Duration.ofMinutes(15).toNanos(), "figures never caught up: "
                    + figures + " expected " + enrolled + " enrolled, " + exited + " exits");
            Thread.sleep(200);
        }
        double[] delays = probes.stream().mapToDouble(p -> p[0]).toArray();
        double[] toTopic = probes.stream().filter(p -> p[1] >= 0).mapToDouble(p -> p[1]).toArray();
        double[] toFigure = probes.stream().filter(p -> p[1] >= 0).mapToDouble(p -> p[0] - p[1]).toArray();
        return new LoadResult(sent.get(), enrolled.get() + exited.get(), overloaded.get(), failed.get(), delays, toTopic,
                toFigure, catchUp);
    }

    /** One probe at a time: enrol in the probe territory, then poll its figure until it counts the probe. */
    private void probe(List<double[]> probes, Map<String, Long> seenOnTopic, AtomicBoolean running) {
        int count = 0;
        try {
            while (running.get()) {
                long next = System.nanoTime() + 1_000_000_000L;
                String pathwayId = UUID.randomUUID().toString();
                boolean timed = enrolProbe(pathwayId);
                long answered = System.nanoTime();
                count++;
                if (!timed) {
                    continue;
                }
                while (true) {
                    JsonNode figures = figures("probe", 2021);
                    if (figures != null && figures.get("accompanied").asInt() >= count) {
                        break;
                    }
                    Thread.sleep(20);
                }
                long reflected = System.nanoTime();
                Long onTopic = seenOnTopic.get(pathwayId);
                probes.add(new double[] {(reflected - answered) / 1e6, onTopic == null ? -1 : Math.max(0, onTopic - answered) / 1e6});
                long wait = next - System.nanoTime();
                if (wait > 0) {
                    Thread.sleep(wait / 1_000_000);
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Enrols the probe's pathway, retrying on 503 (after {@code Retry-After}) and on a refused or reset connection with
     * the same body, as a careful client would; the delay is timed from the 201. A retry answered 409 means an
     * earlier attempt was stored without its answer reaching us: that probe is dropped (its answer time is unknown).
     */
    private boolean enrolProbe(String pathwayId) throws Exception {
        HttpRequest request = postRequest("/pathways", "{\"pathwayId\":\"" + pathwayId
                + "\",\"program\":\"CONVERGENCE\",\"chantierId\":\"probe-aci\",\"entryDate\":\"2021-03-01\"}");
        for (int attempt = 0; ; attempt++) {
            try {
                HttpResponse<String> answer = http.send(request, HttpResponse.BodyHandlers.ofString());
                if (answer.statusCode() == 201) {
                    return true;
                }
                if (answer.statusCode() == 409 && attempt > 0) {
                    return false;
                }
                assertEquals(503, answer.statusCode(), answer.body());
                Thread.sleep(1_000L * Long.parseLong(answer.headers().firstValue("Retry-After").orElse("1")));
            } catch (java.io.IOException refused) {
                Thread.sleep(200);
            }
        }
    }

    /** Notes when each pathway's first event appears on the topic. */
    private static void observe(String kafka, Map<String, Long> seen, AtomicBoolean running) {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka,
                ConsumerConfig.GROUP_ID_CONFIG, "bench-observer-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(TOPIC));
            while (running.get()) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(20))) {
                    long now = System.nanoTime();
                    JsonNode payload = JSON.readTree(record.value()).get("payload");
                    if (payload != null && payload.has("pathwayId")) {
                        seen.putIfAbsent(payload.get("pathwayId").asText(), now);
                    }
                }
            }
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private DrainResult backlogDrain() throws Exception {
        stack.stop("kafka");
        long before = (long) metric(PUBLISHED);
        Random random = new Random(2020);
        List<String> lines = new ArrayList<>();
        int accompanied = 0;
        for (int i = 0; i < BACKLOG; i++) {
            LocalDate entry = LocalDate.of(2019, 1, 1).plusDays(random.nextInt(365 * 3));
            LocalDate exit = random.nextInt(10) < 7 ? entry.plusDays(30 + random.nextInt(400)) : null;
            accompanied += !entry.isAfter(LocalDate.of(2020, 12, 31))
                    && (exit == null || !exit.isBefore(LocalDate.of(2020, 1, 1))) ? 1 : 0;
            lines.add("{\"pathwayId\":\"" + UUID.randomUUID() + "\",\"program\":\"CONVERGENCE\",\"chantierId\":\"drain-aci\","
                    + "\"entryDate\":\"" + entry + "\"" + (exit == null ? "" : ",\"exit\":{\"date\":\"" + exit
                    + "\",\"category\":\"DURABLE_EMPLOYMENT\"}") + "}");
        }
        for (int from = 0; from < lines.size(); from += 2_500) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(stack.baseUrl("enrolment")
                    + "/imports/pathways")).header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/x-ndjson").timeout(Duration.ofMinutes(10))
                    .POST(HttpRequest.BodyPublishers.ofString(String.join("\n", lines.subList(from,
                            Math.min(lines.size(), from + 2_500))))).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, response.statusCode(), response.body());
        }
        assertEquals(before, (long) metric(PUBLISHED), "nothing was published while Kafka was stopped");

        stack.start("kafka");
        long back = System.nanoTime();
        long firstPublished = 0;
        long lastPublished = 0;
        long published = before;
        while (true) {
            long now = (long) metric(PUBLISHED);
            if (now > published) {
                if (published == before) {
                    firstPublished = System.nanoTime();
                }
                published = now;
                lastPublished = System.nanoTime();
            } else if (published > before && metric(BACKLOG_STREAMS) == 0) {
                break;
            }
            assertTrue(System.nanoTime() - back < Duration.ofMinutes(10).toNanos(), "the backlog never drained");
            Thread.sleep(50);
        }
        double relaySeconds = (lastPublished - firstPublished) / 1e9;
        while (true) {
            JsonNode figures = figures("drain", 2020);
            if (figures != null && figures.get("accompanied").asInt() == accompanied) {
                break;
            }
            assertTrue(System.nanoTime() - back < Duration.ofMinutes(15).toNanos(), "figures never complete: " + figures);
            Thread.sleep(100);
        }
        return new DrainResult(published - before, relaySeconds, (System.nanoTime() - back) / 1e9);
    }

    private double metric(Pattern sample) throws Exception {
        String body = http.send(HttpRequest.newBuilder(URI.create(stack.baseUrl("enrolment") + "/q/metrics")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher matcher = sample.matcher(body);
        assertTrue(matcher.find(), sample.pattern());
        return Double.parseDouble(matcher.group(1));
    }

    private JsonNode figures(String territory, int year) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(stack.baseUrl("reporting")
                + "/figures/territories/" + territory + "/" + year)).header("Authorization", "Bearer " + token).GET()
                .build(), HttpResponse.BodyHandlers.ofString());
        return response.statusCode() == 200 ? JSON.readTree(response.body()) : null;
    }

    private HttpRequest postRequest(String path, String body) {
        return HttpRequest.newBuilder(URI.create(stack.baseUrl("enrolment") + path))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(30)).POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private void post(String path, String body, int expected) throws Exception {
        HttpResponse<String> response = http.send(postRequest(path, body), HttpResponse.BodyHandlers.ofString());
        assertEquals(expected, response.statusCode(), path + ": " + response.body());
    }

    private static double percentile(double[] values, int p) {
        if (values.length == 0) {
            return Double.NaN;
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }

    private static double max(double[] values) {
        return Arrays.stream(values).max().orElse(Double.NaN);
    }

}
