package org.convergence.localstack;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Prints the resident memory (RSS) of every process of a local stack started as README command 1 starts it
 * (the services with {@code deploy/service/jvm.options}): idle, then after a minute at 200 requests a second to
 * each service (enrolment: enrolments and pathway reads; reporting: figures and participant searches; hours,
 * accompaniment and transitions: their chantier's and territory's lists), with
 * the rate achieved and the latencies, so a memory setting that hurts throughput shows. Asserts only that
 * every request succeeded. Run:
 * {@code ./mvnw -B -pl deploy/local-stack -am verify -Dbenchmark -Dit.test=MemoryBenchmarkIT -Dtest=none
 * -Dsurefire.failIfNoSpecifiedTests=false}; add {@code -Dbench.java-opts=-XX:NativeMemoryTracking=summary} to
 * print where each service's native memory goes, {@code -Dbench.rate=N}, {@code -Dbench.load-seconds=N}.
 */
@Tag("benchmark")
class MemoryBenchmarkIT {

    private static final long TARGET_MB = 200;
    private static final int RATE = Integer.getInteger("bench.rate", 200);
    private static final int LOAD_SECONDS = Integer.getInteger("bench.load-seconds", 60);
    private static final int IDLE_SECONDS = Integer.getInteger("bench.idle-seconds", 20);
    private static final String JAVA_OPTS = System.getProperty("bench.java-opts", "");
    /** Requests in flight per service at most, as a client's connection pool would allow. */
    private static final int IN_FLIGHT = Integer.getInteger("bench.in-flight", 64);
    // HTTP/1.1 as most REST clients speak it: one request per connection at a time, connections kept alive.
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void everyServiceStaysUnderTwoHundredMegabytesIdleAndUnderLoad() throws Exception {
        Map<String, String> env = JAVA_OPTS.isBlank() ? Map.of() : Map.of("JAVA_OPTS_APPEND", JAVA_OPTS);
        try (LocalStack stack = new LocalStack(StackLayout.forTestRun("deploy/local-stack", "memory-"), System.out::println,
                env)) {
            stack.start();
            String token = stack.token("national", Map.of());
            assertEquals(201, post(stack, token, "/territories",
                    "{\"territoryId\":\"bench\",\"name\":\"Bench\",\"densityKind\":\"URBAN\"}").join());
            assertEquals(201, post(stack, token, "/territories/bench/chantiers", "{\"chantierId\":\"bench-aci\","
                    + "\"name\":\"ACI\",\"programs\":[{\"program\":\"CONVERGENCE\",\"since\":\"2010-01-01\"}]}").join());
            Thread.sleep(IDLE_SECONDS * 1000L);
            Map<String, Long> idle = rss(stack);

            List<String> pathways = Collections.synchronizedList(new ArrayList<>());
            Map<String, IntFunction<CompletableFuture<Integer>>> load = new LinkedHashMap<>();
            load.put("enrolment", i -> {
                if (i % 2 == 0 || pathways.isEmpty()) {
                    String pathway = UUID.randomUUID().toString();
                    return post(stack, token, "/pathways", "{\"pathwayId\":\"" + pathway + "\",\"program\":"
                            + "\"CONVERGENCE\",\"chantierId\":\"bench-aci\",\"entryDate\":\"2020-01-06\"}")
                            .whenComplete((status, error) -> {
                                if (status != null && status == 201) {
                                    pathways.add(pathway);
                                }
                            });
                }
                return get(stack, token, "enrolment", "/pathways/" + pathways.get(i % pathways.size()));
            });
            load.put("reporting", i -> get(stack, token, "reporting", i % 2 == 0
                    ? "/figures/territories/bench/2020" : "/participants?territoryId=bench&status=ACTIVE&size=20"));
            load.put("hours", i -> get(stack, token, "hours", i % 2 == 0
                    ? "/chantiers/bench-aci/step-up-candidates" : "/chantiers/bench-aci/inbound-rejections"));
            load.put("accompaniment", i -> get(stack, token, "accompaniment", i % 2 == 0
                    ? "/territories/bench/partners" : "/chantiers/bench-aci/support-sessions"));
            load.put("transitions", i -> get(stack, token, "transitions", i % 2 == 0
                    ? "/chantiers/bench-aci/transition-alerts" : "/territories/bench/transition-alerts"));
            List<Thread> drivers = new ArrayList<>();
            Map<String, Run> runs = new LinkedHashMap<>();
            for (String service : stack.services()) {
                IntFunction<CompletableFuture<Integer>> request = load.get(service);
                if (request == null) {
                    System.out.println("memory benchmark: no load defined for " + service + "; measured idle only");
                    continue;
                }
                Run run = new Run();
                runs.put(service, run);
                Thread driver = new Thread(() -> run.drive(request), service + "-load");
                drivers.add(driver);
                driver.start();
            }
            for (Thread driver : drivers) {
                driver.join();
            }
            Map<String, Long> loaded = rss(stack);

            System.out.printf("%nmemory benchmark: RSS in MB, idle %d s after start, then after %d s at %d requests/s "
                    + "to each service (target for services: <= %d MB)%n", IDLE_SECONDS, LOAD_SECONDS, RATE, TARGET_MB);
            idle.forEach((process, idleKb) -> {
                long idleMb = idleKb / 1024;
                long loadedMb = loaded.get(process) / 1024;
                Run run = runs.get(process);
                int restarts = stack.restarts(process);
                String verdict = !stack.services().contains(process) ? ""
                        : restarts > 0 ? "DIED " + restarts + "x"
                        : Math.max(idleMb, loadedMb) <= TARGET_MB ? "within target" : "OVER TARGET";
                System.out.printf("  %-10s idle %4d  after load %4d  %-13s %s%n", process, idleMb, loadedMb, verdict,
                        run == null ? "" : run.summary());
            });
            if (JAVA_OPTS.contains("NativeMemoryTracking")) {
                for (String service : stack.services()) {
                    System.out.println("\nmemory benchmark: native memory of " + service + " after the load\n"
                            + nativeMemory(stack.pid(service)));
                }
            }
            runs.forEach((service, run) -> assertEquals(0, run.failed.get(), service + ": " + run.failures));
            stack.processNames().forEach(process -> assertEquals(0, stack.restarts(process), process + " died"));
        }
    }

    /**
     * Sends {@code RATE} requests a second for {@code LOAD_SECONDS} and records every answer; with
     * {@code IN_FLIGHT} requests unanswered it waits, so a server that falls behind shows as a lower rate rather
     * than as a pile of client connections.
     */
    private static final class Run {
        final java.util.concurrent.Semaphore slots = new java.util.concurrent.Semaphore(IN_FLIGHT);
        final AtomicInteger failed = new AtomicInteger();
        final ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        final ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        long sent;
        double seconds;

        void drive(IntFunction<CompletableFuture<Integer>> request) {
            long start = System.nanoTime();
            long interval = 1_000_000_000L / RATE;
            List<CompletableFuture<?>> inFlight = new ArrayList<>();
            long end = start + LOAD_SECONDS * 1_000_000_000L;
            for (int i = 0; System.nanoTime() < end; i++) {
                long due = start + i * interval;
                while (System.nanoTime() < due) {
                    Thread.onSpinWait();
                    java.util.concurrent.locks.LockSupport.parkNanos(Math.max(0, due - System.nanoTime()));
                }
                slots.acquireUninterruptibly();
                long sentAt = System.nanoTime();
                inFlight.add(request.apply(i).handle((status, error) -> {
                    slots.release();
                    latencies.add((System.nanoTime() - sentAt) / 1_000_000);
                    if (error != null || status / 100 != 2) {
                        failed.incrementAndGet();
                        if (failures.size() < 5) {
                            failures.add(error != null ? error.toString() : "status " + status);
                        }
                    }
                    return null;
                }));
                sent++;
            }
            seconds = (System.nanoTime() - start) / 1e9;
            CompletableFuture.allOf(inFlight.toArray(CompletableFuture[]::new)).join();
        }

        String summary() {
            List<Long> sorted = new ArrayList<>(latencies);
            Collections.sort(sorted);
            return String.format("%d requests at %.0f/s, %d failed, latency p50 %d ms, p99 %d ms, max %d ms", sent,
                    sent / seconds, failed.get(), sorted.get(sorted.size() / 2),
                    sorted.get((int) (sorted.size() * 0.99)), sorted.get(sorted.size() - 1));
        }
    }

    private CompletableFuture<Integer> post(LocalStack stack, String token, String path, String body) {
        return http.sendAsync(HttpRequest.newBuilder(URI.create(stack.baseUrl("enrolment") + path))
                        .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                        .timeout(Duration.ofSeconds(30)).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.discarding()).thenApply(HttpResponse::statusCode);
    }

    private CompletableFuture<Integer> get(LocalStack stack, String token, String service, String path) {
        return http.sendAsync(HttpRequest.newBuilder(URI.create(stack.baseUrl(service) + path))
                        .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(30)).GET().build(),
                HttpResponse.BodyHandlers.discarding()).thenApply(HttpResponse::statusCode);
    }

    /** Resident set of every process, in kB, from /proc (Linux); -1 for a process that just died. */
    private static Map<String, Long> rss(LocalStack stack) throws IOException {
        Map<String, Long> rss = new LinkedHashMap<>();
        for (Map.Entry<String, Long> process : stack.pids().entrySet()) {
            Path file = Path.of("/proc", Long.toString(process.getValue()), "status");
            if (!Files.exists(file)) {
                rss.put(process.getKey(), -1024L);
                continue;
            }
            String status = Files.readString(file);
            String line = status.lines().filter(l -> l.startsWith("VmRSS:")).findFirst().orElseThrow();
            rss.put(process.getKey(), Long.parseLong(line.replaceAll("\\D", "")));
        }
        return rss;
    }

    private static String nativeMemory(long pid) throws Exception {
        Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                Long.toString(pid), "VM.native_memory", "summary", "scale=MB").redirectErrorStream(true).start();
        String out = new String(jcmd.getInputStream().readAllBytes());
        jcmd.waitFor();
        StringBuilder summary = new StringBuilder();
        out.lines().filter(l -> l.startsWith("Total") || l.matches("^-\\s+\\S.*\\(reserved=.*"))
                .forEach(l -> summary.append("  ").append(l.strip()).append('\n'));
        return summary.toString();
    }
}
