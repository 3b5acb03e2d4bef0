package org.convergence.platform.rest;

import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import org.convergence.platform.config.PlatformConfig;

/**
 * Refuses oversized bodies before anything reads them, as problem+json (413). A chunked body without a
 * length that grows past {@code quarkus.http.limits.max-body-size} is cut by the HTTP server itself.
 */
@Singleton
public class BodySizeLimit {

    private static final String BODY = "{\"type\":\"about:blank\",\"title\":\"Content Too Large\",\"status\":413,"
            + "\"detail\":\"The request body is larger than %d bytes\"}";

    void install(@Observes Router router, PlatformConfig config) {
        long maxBodyBytes = config.http().maxBodyBytes();
        router.route().order(Integer.MIN_VALUE).handler(context -> {
            String length = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
            if (length != null && parse(length) > maxBodyBytes) {
                context.response().setStatusCode(413)
                        .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                        .putHeader(HttpHeaders.CONNECTION, "close")
                        .end(String.format(BODY, maxBodyBytes));
                return;
            }
            context.next();
        });
    }

    private static long parse(String length) {
        try {
            return Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
