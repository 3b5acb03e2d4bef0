package org.convergence.testsupport;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.Map;

/**
 * Another service, stood in for by a plain JDK HTTP server on a free local port, for the tests of a service that
 * calls it: a subclass answers the paths it serves and names the settings that point the service under test at it.
 * The real door is tested in its own service; this keeps a service's tests to its own process.
 */
public abstract class StandInService implements QuarkusTestResourceLifecycleManager {

    private HttpServer server;

    /** The path prefix the stand-in answers, e.g. {@code /participants/}. */
    protected abstract String pathPrefix();

    /** One exchange on that prefix. */
    protected abstract void serve(HttpExchange exchange) throws IOException;

    /** The service-under-test settings that point it at {@code baseUrl} (URL and its own token). */
    protected abstract Map<String, String> settings(String baseUrl);

    @Override
    public final Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext(pathPrefix(), this::serve);
        server.start();
        return settings("http://127.0.0.1:" + server.getAddress().getPort());
    }

    @Override
    public final void stop() {
        server.stop(0);
    }
}
