package org.convergence.localstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Polls a territory's figures and notes when they change. With load flowing they change at every poll; after a
 * kill they stand still until the killed process is back and the path from REST call to figure works again.
 * A change seen on the first answer after reporting restarts may only show work done before the kill, which is
 * why recovery is judged by what the figures count, not by their moving.
 */
final class FiguresWatch implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    private final URI figures;
    private final String token;
    private final List<Long> changes = new ArrayList<>();
    private final Thread poller;
    private volatile boolean running = true;
    private String last;
    private int lastAccompanied = -1;
    private long lastSeenAt;

    FiguresWatch(String reportingUrl, String territoryId, int year, String token) {
        this.figures = URI.create(reportingUrl + "/figures/territories/" + territoryId + "/" + year);
        this.token = token;
        this.poller = new Thread(this::poll, "soak-figures-watch");
        poller.start();
    }

    /**
     * The longest time the figures stood still between {@code from} and {@code to} (System.nanoTime), counted from
     * {@code from}: the gaps between the changes seen in that window.
     */
    synchronized Duration longestStandstill(long from, long to) {
        long longest = 0;
        long previous = from;
        for (long change : changes) {
            if (change > from && change <= to) {
                longest = Math.max(longest, change - previous);
                previous = change;
            }
        }
        return Duration.ofNanos(Math.max(longest, to - previous));
    }

    /**
     * Waits until figures read after {@code after} count at least {@code accompanied} pathways: every enrolment
     * acknowledged up to some moment has then gone all the way from REST call to figure. Returns when, or -1 after
     * the timeout.
     */
    long awaitAccompaniedAtLeast(int accompanied, long after, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            synchronized (this) {
                if (lastSeenAt > after && lastAccompanied >= accompanied) {
                    return lastSeenAt;
                }
            }
            Thread.sleep(100);
        }
        return -1;
    }

    synchronized JsonNode lastFigures() throws Exception {
        return last == null ? null : JSON.readTree(last);
    }

    private void poll() {
        while (running) {
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(figures)
                        .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(5)).GET().build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    JsonNode node = JSON.readTree(response.body());
                    String counts = node.path("accompanied").asInt() + "/" + node.path("exits").asInt();
                    synchronized (this) {
                        if (last == null || !counts.equals(countsOf(last))) {
                            changes.add(System.nanoTime());
                        }
                        last = response.body();
                        lastAccompanied = node.path("accompanied").asInt();
                        lastSeenAt = System.nanoTime();
                    }
                }
            } catch (Exception unreachable) {
                // Reporting is down or not ready: the figures stand still.
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private static String countsOf(String body) throws Exception {
        JsonNode node = JSON.readTree(body);
        return node.path("accompanied").asInt() + "/" + node.path("exits").asInt();
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        poller.interrupt();
        poller.join();
    }
}
