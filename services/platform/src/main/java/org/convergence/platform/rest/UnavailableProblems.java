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

    @ServerExceptionMapper({MongoTimeoutException.class, MongoSocketException.class, MongoNotPrimaryException.class,
            MongoNodeIsRecoveringException.class, MongoWriteConcernException.class})
    public Response databaseUnavailable(MongoException e) {
        LOG.warnf("Database unavailable, answering 503: %s", e.toString());
        return unavailable();
    }

    static Response unavailable() {
        return Response.fromResponse(Problem.response(503, "Service Unavailable",
                        "The database is not reachable at the moment; try again shortly", null,
                        List.of()))
                .header("Retry-After", RETRY_AFTER_SECONDS).build();
    }
}
