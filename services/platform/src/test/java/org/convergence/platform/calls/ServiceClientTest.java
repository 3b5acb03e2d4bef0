package org.convergence.platform.calls;

import com.sun.net.httpserver.HttpServer;
import jakarta.ws.rs.ServiceUnavailableException;
import org.convergence.platform.domain.RuleViolationException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ServiceClientTest {

    private HttpServer other;
    private final List<String> seen = new CopyOnWriteArrayList<>();
    private volatile int status = 200;
    private volatile String body = "{\"firstName\":\"Ernestine\",\"extra\":1}";

    record Answer(String firstName) {
    }

    @BeforeEach
    void startTheOtherService() throws IOException {
        other = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        other.createContext("/", exchange -> {
            try (exchange) {
                seen.add(exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath() + " "
                        + exchange.getRequestHeaders().getFirst("Authorization") + " "
                        + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
                byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(status, bytes.length);
                exchange.getResponseBody().write(bytes);
            }
        });
        other.start();
    }

    @AfterEach
    void stop() {
        other.stop(0);
    }

    private ServiceClient client() {
        return new ServiceClient("enrolment", "http://127.0.0.1:" + other.getAddress().getPort() + "/api",
                Optional.of("own-token"));
    }

    @Test
    void aCallCarriesTheCallersOwnTokenToAPathUnderTheBaseUrlAndReadsTheAnswerLeniently() {
        ServiceClient client = client();
        assertEquals(new Answer("Ernestine"), client.read(client.get("participants/p1/identity"), Answer.class));
        client.put("store/k1", Map.of("hours", 8));
        assertEquals(List.of("GET /api/participants/p1/identity Bearer own-token ",
                "PUT /api/store/k1 Bearer own-token {\"hours\":8}"), seen);
    }

    @Test
    void anotherServiceThatDoesNotAnswerIsA503HereNotAnError() throws IOException {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        ServiceClient away = new ServiceClient("enrolment", "http://127.0.0.1:" + closed, Optional.empty());
        assertThrows(ServiceUnavailableException.class, () -> away.get("participants/p1/identity"));
    }

    @Test
    void anAnswerTheDoorDoesNotDefineOrCannotBeReadIsA503Here() {
        ServiceClient client = client();
        status = 500;
        assertEquals(503, client.unavailable(client.get("x")).getResponse().getStatus());
        status = 200;
        body = "not json";
        assertThrows(ServiceUnavailableException.class, () -> client.read(client.get("x"), Answer.class));
    }

    @Test
    void aRuleRefusalOfTheOtherServiceIsTheSameRuleHere() {
        ServiceClient client = client();
        status = 422;
        body = "{\"code\":\"PARTNER_OF_ANOTHER_TERRITORY\",\"detail\":\"Own territory only\"}";
        RuleViolationException refusal = client.refusal(client.get("x"), "ENROLMENT_REFUSED");
        assertEquals("PARTNER_OF_ANOTHER_TERRITORY", refusal.code());
        body = "<html>";
        assertEquals("ENROLMENT_REFUSED", client.refusal(client.get("x"), "ENROLMENT_REFUSED").code());
    }
}
