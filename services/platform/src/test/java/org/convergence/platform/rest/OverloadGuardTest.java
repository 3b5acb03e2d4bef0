package org.convergence.platform.rest;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The bound on requests in flight, on a real Vert.x server: held requests fill it, the next one is told to retry. */
class OverloadGuardTest {

    private static final int LIMIT = 2;

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final BlockingQueue<RoutingContext> held = new LinkedBlockingQueue<>();
    private final List<Socket> sockets = new ArrayList<>();
    private Vertx vertx;
    private OverloadGuard guard;
    private int port;

    @BeforeEach
    void startServer() throws Exception {
        vertx = Vertx.vertx();
        guard = new OverloadGuard(LIMIT, registry);
        Router router = Router.router(vertx);
        router.route().handler(guard);
        router.get("/slow").handler(held::add);
        router.get("/fast").handler(context -> context.response().end("ok"));
        router.get("/q/health").handler(context -> context.response().end("UP"));
        HttpServer server = vertx.createHttpServer().requestHandler(router).listen(0)
                .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        port = server.actualPort();
    }

    @AfterEach
    void stopServer() throws Exception {
        for (Socket socket : sockets) {
            socket.close();
        }
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Test
    void aRequestBeyondTheBoundIsAnswered503OverloadedWithRetryAfterAndTheConnectionClosed() throws Exception {
        holdRequests(LIMIT);

        Answer answer = get("/fast");

        assertEquals(503, answer.status, answer.text);
        assertTrue(answer.text.contains("\"code\":\"OVERLOADED\""), answer.text);
        assertTrue(answer.text.toLowerCase().contains("retry-after: 1"), answer.text);
        assertTrue(answer.text.toLowerCase().contains("connection: close"), answer.text);
        assertTrue(answer.text.toLowerCase().contains("content-type: application/problem+json"), answer.text);
        assertEquals(1.0, registry.get("convergence.http.requests.overloaded").counter().count());
    }

    @Test
    void aRequestUnderTheBoundIsServed() throws Exception {
        holdRequests(LIMIT - 1);

        assertEquals(200, get("/fast").status);
        assertEquals(LIMIT - 1, guard.inFlight());
    }

    @Test
    void aFinishedRequestGivesItsSlotBack() throws Exception {
        holdRequests(LIMIT);
        assertEquals(503, get("/fast").status);

        RoutingContext first = held.poll(10, TimeUnit.SECONDS);
        assertNotNull(first);
        vertx.runOnContext(ignored -> first.response().end("done"));

        assertEquals(200, eventually("/fast", 200));
    }

    @Test
    void aClientThatHangsUpGivesItsSlotBack() throws Exception {
        holdRequests(LIMIT);
        assertEquals(503, get("/fast").status);

        sockets.get(0).close();

        assertEquals(200, eventually("/fast", 200));
    }

    @Test
    void healthAndMetricsAreAnsweredWhateverTheLoad() throws Exception {
        holdRequests(LIMIT);

        assertEquals(200, get("/q/health").status);
    }

    @Test
    void idleKeptAliveConnectionsHoldNoSlot() throws Exception {
        List<Socket> idle = new ArrayList<>();
        for (int i = 0; i < LIMIT * 3; i++) {
            Socket socket = open();
            send(socket, "/fast");
            assertEquals(200, read(socket).status);
            idle.add(socket);
        }

        assertEquals(200, get("/fast").status);
        assertEquals(0, guard.inFlight());
    }

    private void holdRequests(int count) throws Exception {
        for (int i = 0; i < count; i++) {
            send(open(), "/slow");
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (held.size() < count) {
            assertTrue(System.nanoTime() < deadline, "the server never received the held requests");
            Thread.sleep(5);
        }
        assertEquals(count, guard.inFlight());
    }

    private int eventually(String path, int expected) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        int status;
        do {
            status = get(path).status;
            if (status == expected) {
                return status;
            }
            Thread.sleep(20);
        } while (System.nanoTime() < deadline);
        return status;
    }

    private Answer get(String path) throws IOException {
        Socket socket = open();
        send(socket, path);
        return read(socket);
    }

    private Socket open() throws IOException {
        Socket socket = new Socket("localhost", port);
        socket.setSoTimeout(10_000);
        sockets.add(socket);
        return socket;
    }

    private static void send(Socket socket, String path) throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write(("GET " + path + " HTTP/1.1\r\nHost: localhost\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    /** Reads one response's status line, headers and (length-delimited) body. */
    private static Answer read(Socket socket) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
        String statusLine = in.readLine();
        assertNotNull(statusLine, "no answer");
        StringBuilder text = new StringBuilder(statusLine).append('\n');
        int length = 0;
        for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
            text.append(line).append('\n');
            if (line.toLowerCase().startsWith("content-length:")) {
                length = Integer.parseInt(line.substring("content-length:".length()).strip());
            }
        }
        char[] body = new char[length];
        int read = 0;
        while (read < length) {
            int n = in.read(body, read, length - read);
            if (n < 0) {
                break;
            }
            read += n;
        }
        text.append(body, 0, read);
        return new Answer(Integer.parseInt(statusLine.split(" ")[1]), text.toString());
    }

    private record Answer(int status, String text) {
    }
}
