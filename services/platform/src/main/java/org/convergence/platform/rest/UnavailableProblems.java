package org.convergence.platform.rest;

import com.mongodb.MongoException;
import com.mongodb.MongoNodeIsRecoveringException;
import com.mongodb.MongoNotPrimaryException;
import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;
import com.mongodb.MongoWriteConcernException;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The database not answering is a passing state of the service, not a fault of the request: 503 problem+json
 * with {@code Retry-After}, within the driver's bounded timeouts (platform configuration), instead of a hang or
 * a 500. Nothing was acknowledged, so the caller may send the same request again (a command that was in fact
 * stored just before the connection broke then answers as a repeat does: 409 for a client-chosen id).
 */
public class UnavailableProblems {

    /** Seconds a caller should wait before trying again: about what a restarted database needs. */
    static final String RETRY_AFTER_SECONDS = "5";

    private static final Logger LOG = Logger.getLogger(UnavailableProblems.class);
    /** An outage fails every request: one line per interval, with how many it stands for, not one per request. */
    private static final long LOG_INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(10);
    private static final AtomicLong LAST_LOGGED = new AtomicLong(System.nanoTime() - LOG_INTERVAL_NANOS);
    private static final AtomicLong UNLOGGED = new AtomicLong();

    @ServerExceptionMapper({MongoTimeoutException.class, MongoSocketException.class, MongoNotPrimaryException.class,
            MongoNodeIsRecoveringException.class, MongoWriteConcernException.class})
    public Response databaseUnavailable(MongoException e) {
        log(e);
        return unavailable();
    }

    private static void log(MongoException e) {
        long now = System.nanoTime();
        long last = LAST_LOGGED.get();
        if (now - last >= LOG_INTERVAL_NANOS && LAST_LOGGED.compareAndSet(last, now)) {
            LOG.warnf("Database unavailable, answering 503 (and to %d other requests since the last such line): %s",
                    UNLOGGED.getAndSet(0), e.toString());
        } else {
            UNLOGGED.incrementAndGet();
        }
    }

    static Response unavailable() {
        return Response.fromResponse(Problem.response(503, "Service Unavailable",
                        "The database is not reachable at the moment; try again shortly", null,
                        List.of()))
                .header("Retry-After", RETRY_AFTER_SECONDS).build();
    }
}
