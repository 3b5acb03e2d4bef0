package org.convergence.platform.rest;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Bounds the requests a service holds at once. Past the bound a request is answered at once, on the event loop,
 * with 503 problem+json {@code OVERLOADED}, {@code Retry-After} and {@code Connection: close}, before its body is
 * read or a worker thread is taken: a client sending faster than the service answers gets a clear "later" instead
 * of a queue that grows until the heap is full. Requests in flight are counted, not connections: a client that keeps
 * idle connections open holds no slot (a connection bound locked services out in the test suite, see
 * benchmarks.md). The service's own endpoints under {@code /q/} (health, metrics) are never refused, so an
 * orchestrator does not restart a service for being busy.
 *
 * <p>Metrics: {@code convergence_http_requests_in_flight} and {@code convergence_http_requests_overloaded_total}.
 */
final class OverloadGuard implements Handler<RoutingContext> {

    static final String CODE = "OVERLOADED";
    static final String RETRY_AFTER_SECONDS = "1";

    private final int limit;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final Counter refused;

    OverloadGuard(int limit, MeterRegistry registry) {
        if (limit < 1) {
            throw new IllegalArgumentException("convergence.http.max-requests-in-flight must be at least 1: " + limit);
        }
        this.limit = limit;
        Gauge.builder("convergence.http.requests.in.flight", inFlight, AtomicInteger::get)
                .description("Requests being served (the service's own /q/ endpoints excepted)")
                .register(registry);
        refused = Counter.builder("convergence.http.requests.overloaded")
                .description("Requests answered 503 OVERLOADED because the bound on requests in flight was reached")
                .register(registry);
    }

    @Override
    public void handle(RoutingContext context) {
        if (context.request().path().startsWith("/q/")) {
            context.next();
            return;
        }
        if (inFlight.incrementAndGet() > limit) {
            inFlight.decrementAndGet();
            refused.increment();
            AccessAudit.log(null, String.valueOf(context.request().method()), context.request().path(), 503);
            context.response().setStatusCode(503)
                    .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                    .putHeader(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
                    .putHeader(HttpHeaders.CONNECTION, "close")
                    .end(new Problem("about:blank", "Service Unavailable", 503, "The service is serving "
                            + limit + " requests already; try again after " + RETRY_AFTER_SECONDS + " s", CODE,
                            List.of()).toJson());
            return;
        }
        // The end handler runs when the response ends or the connection closes first; count the slot back once.
        AtomicBoolean released = new AtomicBoolean();
        context.addEndHandler(ended -> {
            if (released.compareAndSet(false, true)) {
                inFlight.decrementAndGet();
            }
        });
        context.next();
    }

    int inFlight() {
        return inFlight.get();
    }
}
