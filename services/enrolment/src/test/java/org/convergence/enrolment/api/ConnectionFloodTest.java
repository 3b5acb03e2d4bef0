package org.convergence.enrolment.api;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.convergence.embedded.ConvergenceStackResource;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A service keeps a bounded number of connections open (platform setting {@code quarkus.http.limits.max-connections},
 * 256): of a client's connections beyond it, each is closed instead of served, and the service stays up and answers.
 */
@QuarkusTest
@WithTestResource(ConvergenceStackResource.class)
class ConnectionFloodTest {

    private static final int LIMIT = 256;
    private static final int FLOOD = LIMIT + 64;

    @Test
    void connectionsBeyondTheLimitAreClosedAndTheServiceStillAnswers() throws IOException {
        List<Socket> sockets = new ArrayList<>();
        try {
            for (int i = 0; i < FLOOD; i++) {
                Socket socket = new Socket();
                socket.connect(new InetSocketAddress("localhost", RestAssured.port), 2_000);
                sockets.add(socket);
            }
            int closedByTheService = 0;
            for (Socket socket : sockets) {
                socket.setSoTimeout(10_000);
                if (!answered(socket)) {
                    closedByTheService++;
                }
            }
            System.out.println("connection flood: " + closedByTheService + " of " + FLOOD + " closed by the service");
            assertTrue(closedByTheService >= FLOOD - LIMIT,
                    "connections closed by the service: " + closedByTheService + " of " + FLOOD);
        } finally {
            for (Socket socket : sockets) {
                socket.close();
            }
        }
        assertEquals(200, given().get("/q/health/live").statusCode());
    }

    /** Whether a request sent on this connection gets a status line back (false: the service closed it). */
    private static boolean answered(Socket socket) {
        try {
            socket.getOutputStream().write("GET /q/health/live HTTP/1.1\r\nHost: localhost\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            byte[] start = socket.getInputStream().readNBytes(12);
            return new String(start, StandardCharsets.US_ASCII).startsWith("HTTP/1.1 ");
        } catch (IOException closedOrReset) {
            return false;
        }
    }
}
