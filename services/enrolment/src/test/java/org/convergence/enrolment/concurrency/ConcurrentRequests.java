package org.convergence.enrolment.concurrency;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

/**
 * Fires requests at the same instant from as many threads: each thread builds its request, waits at a gate, then
 * sends. Answers come back in the order the requests were built.
 */
final class ConcurrentRequests implements AutoCloseable {

    /** How many times each race is run; CI keeps the default, a proof run passes {@code -Dconcurrency.rounds=100}. */
    static final int ROUNDS = Integer.getInteger("concurrency.rounds", 5);

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final URI base;
    private final String token;

    ConcurrentRequests(URI base, String token) {
        this.base = base;
        this.token = token;
    }

    /** Posts {@code count} JSON bodies to {@code path} at once; returns each answer. */
    List<HttpResponse<String>> post(String path, int count, IntFunction<String> body) throws Exception {
        return post(count, i -> path, body);
    }

    List<HttpResponse<String>> post(int count, IntFunction<String> path, IntFunction<String> body) throws Exception {
        CountDownLatch ready = new CountDownLatch(count);
        CountDownLatch gate = new CountDownLatch(1);
        List<Future<HttpResponse<String>>> answers = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            HttpRequest request = HttpRequest.newBuilder(base.resolve(path.apply(i)))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .timeout(Duration.ofSeconds(60)).POST(HttpRequest.BodyPublishers.ofString(body.apply(i))).build();
            answers.add(threads.submit(() -> {
                ready.countDown();
                gate.await();
                return http.send(request, HttpResponse.BodyHandlers.ofString());
            }));
        }
        ready.await();
        gate.countDown();
        List<HttpResponse<String>> responses = new ArrayList<>();
        for (Future<HttpResponse<String>> answer : answers) {
            responses.add(answer.get());
        }
        return responses;
    }

    static long count(List<HttpResponse<String>> responses, int status) {
        return responses.stream().filter(r -> r.statusCode() == status).count();
    }

    static String summary(List<HttpResponse<String>> responses) {
        StringBuilder text = new StringBuilder();
        responses.forEach(r -> text.append(r.statusCode()).append(' ').append(r.body()).append('\n'));
        return text.toString();
    }

    @Override
    public void close() {
        threads.shutdownNow();
    }
}
