package org.convergence.localstack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Enrolments at a steady rate, and an exit for some of those acknowledged, through enrolment's REST API. Keeps a
 * ledger of every attempt: acknowledged (2xx) or not (any other status, a timeout, a refused connection). An
 * attempt that finds no free worker is not sent, so a stalled service does not pile up a backlog that would
 * flood it when it returns: the offered rate stays steady.
 */
final class SoakLoad implements AutoCloseable {

    static final LocalDate YEAR_START = LocalDate.of(2020, 1, 1);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final String baseUrl;
    private final String token;
    private final String chantierId;
    private final double perSecond;
    private final ExecutorService workers = Executors.newFixedThreadPool(32);
    private final Semaphore inFlight = new Semaphore(32);
    private final Random random = new Random(13);
    private final Thread pacer;
    private volatile boolean running = true;

    /** pathwayId → entry date, for enrolments answered 201. */
    final Map<String, LocalDate> acknowledgedEnrolments = new ConcurrentHashMap<>();
    /** pathwayId → exit date, for exits answered 200. */
    final Map<String, LocalDate> acknowledgedExits = new ConcurrentHashMap<>();
    /** Attempts that got no 2xx: they may or may not have been stored, but never half. */
    final Set<String> unacknowledgedEnrolments = ConcurrentHashMap.newKeySet();
    final Set<String> unacknowledgedExits = ConcurrentHashMap.newKeySet();
    final AtomicLong notSent = new AtomicLong();
    final Map<Integer, AtomicLong> statuses = new ConcurrentHashMap<>();
    private final AtomicLong lastEnrolmentAt = new AtomicLong();

    SoakLoad(String baseUrl, String token, String chantierId, double perSecond) {
        this.baseUrl = baseUrl;
        this.token = token;
        this.chantierId = chantierId;
        this.perSecond = perSecond;
        this.pacer = new Thread(this::pace, "soak-pacer");
    }

    void start() {
        pacer.start();
    }

    long acknowledgedFacts() {
        return acknowledgedEnrolments.size() + acknowledgedExits.size();
    }

    /** Waits for an enrolment acknowledged after {@code instant}; returns how many were acknowledged then, or -1. */
    int awaitEnrolmentAcknowledgedAfter(long instant, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (lastEnrolmentAt.get() > instant) {
                return acknowledgedEnrolments.size();
            }
            Thread.sleep(50);
        }
        return -1;
    }

    private void pace() {
        long intervalNanos = (long) (1e9 / perSecond);
        long next = System.nanoTime();
        while (running) {
            next += intervalNanos;
            long wait = next - System.nanoTime();
            if (wait > 0) {
                try {
                    TimeUnit.NANOSECONDS.sleep(wait);
                } catch (InterruptedException e) {
                    return;
                }
            }
            if (!inFlight.tryAcquire()) {
                notSent.incrementAndGet();
                continue;
            }
            String pathwayId = UUID.randomUUID().toString();
            LocalDate entry = YEAR_START.plusDays(random.nextInt(200));
            boolean exits = random.nextInt(10) < 3;
            workers.execute(() -> {
                try {
                    enrolAndMaybeExit(pathwayId, entry, exits);
                } finally {
                    inFlight.release();
                }
            });
        }
    }

    private void enrolAndMaybeExit(String pathwayId, LocalDate entry, boolean exits) {
        String enrolment = """
                {"pathwayId":"%s","program":"CONVERGENCE","chantierId":"%s","entryDate":"%s"}"""
                .formatted(pathwayId, chantierId, entry);
        if (!post("/pathways", enrolment, 201)) {
            unacknowledgedEnrolments.add(pathwayId);
            return;
        }
        acknowledgedEnrolments.put(pathwayId, entry);
        lastEnrolmentAt.set(System.nanoTime());
        if (exits) {
            LocalDate exit = entry.plusDays(30);
            String body = """
                    {"exitDate":"%s","category":"DURABLE_EMPLOYMENT"}""".formatted(exit);
            if (post("/pathways/" + pathwayId + "/exit", body, 200)) {
                acknowledgedExits.put(pathwayId, exit);
            } else {
                unacknowledgedExits.add(pathwayId);
            }
        }
    }

    private boolean post(String path, String body, int expected) {
        int status;
        try {
            HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .timeout(Duration.ofSeconds(10)).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.discarding());
            status = response.statusCode();
        } catch (IOException e) {
            status = 0; // refused, reset or timed out: no answer
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            status = 0;
        }
        statuses.computeIfAbsent(status, s -> new AtomicLong()).incrementAndGet();
        return status == expected;
    }

    /** Stops offering load and waits for the requests in flight to be answered. */
    @Override
    public void close() throws InterruptedException {
        running = false;
        pacer.interrupt();
        pacer.join();
        workers.shutdown();
        workers.awaitTermination(1, TimeUnit.MINUTES);
    }
}
