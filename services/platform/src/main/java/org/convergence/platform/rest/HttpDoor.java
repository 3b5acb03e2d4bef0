package org.convergence.platform.rest;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import org.convergence.contracts.input.Excerpt;
import org.convergence.platform.config.PlatformConfig;
import org.jboss.logging.Logger;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What the HTTP layer refuses before any resource sees a request, each as problem+json:
 * <ul>
 *   <li>a request beyond {@code convergence.http.max-requests-in-flight} being served at once (503 {@code OVERLOADED},
 *   see {@link OverloadGuard});</li>
 *   <li>a request target longer than {@code convergence.http.max-uri-length} (414), headers larger than
 *   {@code convergence.http.max-header-bytes} (431);</li>
 *   <li>a body, declared or chunked, larger than {@code convergence.http.max-body-bytes} (413): the body is read into
 *   memory up to that limit before anything processes it, so an import cut short never stores half a file;</li>
 *   <li>a body without a {@code Content-Type}, with a wildcard one ({@code *}{@code /*}), or a {@code Content-Encoding}
 *   other than {@code identity} (415);</li>
 *   <li>a text body (JSON, JSON lines, CSV) that is not UTF-8: declaring a charset that is not ASCII-compatible
 *   ({@code UTF-16}...) is refused at once (415); declaring US-ASCII or ISO-8859-1 is accepted only for a body that is
 *   plain ASCII, where every reading agrees (else 415); a body whose bytes are not valid UTF-8 is refused (400) rather
 *   than read with replacement characters;</li>
 *   <li>any other failure raised at this level (a malformed percent-encoding...), with its own status.</li>
 * </ul>
 * Vert.x's own hard limits ({@code quarkus.http.limits.*}) are set well above these and answer without a body: Quarkus
 * 3.33 gives no hook on its invalid-request handler; so does a request line the HTTP decoder cannot parse at all.
 */
@Singleton
public class HttpDoor {

    private static final Logger LOG = Logger.getLogger(HttpDoor.class);
    private static final String ASCII_ONLY = "convergence.body.ascii-only";
    private static final Set<String> UTF_8 = Set.of("utf-8", "utf8");
    /** Charsets that read plain ASCII exactly as UTF-8 does. */
    private static final Set<String> ASCII_COMPATIBLE = Set.of("us-ascii", "ascii", "iso-8859-1", "latin1",
            "iso-8859-15", "windows-1252", "cp1252");
    private static final String UTF_8_ONLY = "Bodies are read as UTF-8: send UTF-8, with charset=UTF-8 or no charset";
    private static final int[] STATUSES = {400, 401, 403, 404, 405, 406, 408, 409, 410, 411, 412, 413, 414, 415, 416,
            417, 422, 429, 431, 500, 501, 502, 503, 504, 505};

    void install(@Observes Router router, PlatformConfig config, MeterRegistry registry) {
        PlatformConfig.Http http = config.http();
        router.route().order(Integer.MIN_VALUE).failureHandler(HttpDoor::failure);
        // Failures on a request no route can even match (a path that does not decode) reach these instead.
        for (int status : STATUSES) {
            router.errorHandler(status, HttpDoor::failure);
        }
        router.route().order(Integer.MIN_VALUE).handler(context -> checkHead(context, http));
        router.route().order(Integer.MIN_VALUE + 1).handler(new OverloadGuard(http.maxRequestsInFlight(), registry));
        BodyHandler bodies = BodyHandler.create(false)
                .setBodyLimit(http.maxBodyBytes())
                .setHandleFileUploads(false)
                .setMergeFormAttributes(false)
                .setPreallocateBodyBuffer(false);
        router.route().order(Integer.MIN_VALUE + 2).handler(context -> {
            if (hasBody(context.request())) {
                bodies.handle(context);
            } else {
                context.next();
            }
        });
        router.route().order(Integer.MIN_VALUE + 3).handler(HttpDoor::checkText);
    }

    private static void checkHead(RoutingContext context, PlatformConfig.Http http) {
        HttpServerRequest request = context.request();
        if (request.uri().length() > http.maxUriLength()) {
            refuse(context, 414, "URI Too Long", "The request target is longer than " + http.maxUriLength()
                    + " characters");
            return;
        }
        long headerBytes = 0;
        for (Map.Entry<String, String> header : request.headers()) {
            headerBytes += header.getKey().length() + header.getValue().length() + 4;
        }
        if (headerBytes > http.maxHeaderBytes()) {
            refuse(context, 431, "Request Header Fields Too Large", "The request headers are larger than "
                    + http.maxHeaderBytes() + " bytes");
            return;
        }
        long declared = declaredLength(request.getHeader(HttpHeaders.CONTENT_LENGTH));
        if (declared > http.maxBodyBytes()) {
            refuse(context, 413, "Content Too Large", "The request body is larger than " + http.maxBodyBytes()
                    + " bytes");
            return;
        }
        if (hasBody(request)) {
            String contentType = request.getHeader(HttpHeaders.CONTENT_TYPE);
            String problem = bodyHeadersProblem(contentType, request.getHeader(HttpHeaders.CONTENT_ENCODING));
            if (problem != null) {
                refuse(context, 415, "Unsupported Media Type", problem);
                return;
            }
            String charset = charsetOf(contentType);
            if (charset != null && !UTF_8.contains(charset)) {
                if (!ASCII_COMPATIBLE.contains(charset)) {
                    refuse(context, 415, "Unsupported Media Type", UTF_8_ONLY);
                    return;
                }
                context.put(ASCII_ONLY, Boolean.TRUE);
            }
        }
        context.next();
    }

    /** A text body is UTF-8, whatever it declares; refused before it can be read with replacement characters. */
    private static void checkText(RoutingContext context) {
        Buffer body = context.body() == null ? null : context.body().buffer();
        String contentType = context.request().getHeader(HttpHeaders.CONTENT_TYPE);
        if (body == null || body.length() == 0 || !isText(contentType)) {
            context.next();
            return;
        }
        byte[] bytes = body.getBytes();
        if (Boolean.TRUE.equals(context.get(ASCII_ONLY))) {
            for (byte b : bytes) {
                if (b < 0) {
                    refuse(context, 415, "Unsupported Media Type", UTF_8_ONLY);
                    return;
                }
            }
        }
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
        } catch (CharacterCodingException e) {
            refuse(context, 400, "Bad Request", "The body is not valid UTF-8");
            return;
        }
        context.next();
    }

    private static boolean isText(String contentType) {
        if (contentType == null) {
            return false;
        }
        String type = contentType.split(";")[0].strip().toLowerCase(Locale.ROOT);
        return type.startsWith("text/") || type.endsWith("/json") || type.endsWith("+json")
                || type.equals("application/x-ndjson") || type.equals("application/jsonl");
    }

    private static String charsetOf(String contentType) {
        String[] parts = contentType.split(";");
        for (int i = 1; i < parts.length; i++) {
            String[] parameter = parts[i].split("=", 2);
            if (parameter.length == 2 && "charset".equalsIgnoreCase(parameter[0].strip())) {
                return parameter[1].strip().replace("\"", "").toLowerCase(Locale.ROOT);
            }
        }
        return null;
    }

    private static boolean hasBody(HttpServerRequest request) {
        return declaredLength(request.getHeader(HttpHeaders.CONTENT_LENGTH)) > 0
                || request.getHeader(HttpHeaders.TRANSFER_ENCODING) != null;
    }

    /** Why the headers describing a body are refused, or {@code null}. */
    static String bodyHeadersProblem(String contentType, String contentEncoding) {
        if (contentEncoding != null && !contentEncoding.isBlank()
                && !"identity".equalsIgnoreCase(contentEncoding.strip())) {
            return "Content-Encoding is not supported: send the body as it is (identity)";
        }
        if (contentType == null || contentType.isBlank()) {
            return "A request with a body needs a Content-Type naming its format";
        }
        String mediaType = contentType.split(";")[0].strip();
        int slash = mediaType.indexOf('/');
        if (slash <= 0 || slash == mediaType.length() - 1 || mediaType.contains("*")) {
            return "The Content-Type must name one format, such as application/json";
        }
        return null;
    }

    private static void failure(RoutingContext context) {
        if (context.response().headWritten()) {
            if (!context.response().ended()) {
                context.response().reset();
            }
            return;
        }
        Throwable failure = context.failure();
        int status = failure instanceof AuthenticationFailedException || failure instanceof UnauthorizedException
                ? 401 : context.statusCode();
        if (status < 400 || status > 599) {
            status = 500;
        }
        if (status >= 500) {
            LOG.errorf(failure, "Failure below the REST layer: %s %s", context.request().method(),
                    Excerpt.of(context.request().path(), 200));
        }
        if (status == 401) {
            context.response().putHeader("WWW-Authenticate", "Bearer");
        }
        refuse(context, status, Problem.titleOf(status), Problem.detailOf(status));
    }

    private static void refuse(RoutingContext context, int status, String title, String detail) {
        HttpServerRequest request = context.request();
        AccessAudit.log(null, String.valueOf(request.method()), request.path(), status);
        context.response().setStatusCode(status)
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .putHeader(HttpHeaders.CONNECTION, "close")
                .end(new Problem("about:blank", title, status, detail, null, List.of()).toJson());
    }

    private static long declaredLength(String length) {
        if (length == null) {
            return -1;
        }
        try {
            return Long.parseLong(length.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
