package org.convergence.embedded;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * mongo-java-server: a MongoDB wire-protocol server in Java that services reach with their ordinary MongoDB
 * driver. The H2 backend keeps data in a file across restarts. It answers exact {@code _id} lookups from an
 * index and scans for everything else, which is why the services' hot paths are {@code _id} lookups.
 */
public final class EmbeddedMongo implements AutoCloseable {

    private final MongoServer server;
    private final InetSocketAddress address;

    private EmbeddedMongo(MongoBackend backend, int port) {
        this.server = new MongoServer(backend);
        server.bind("127.0.0.1", port);
        this.address = server.getLocalAddress();
    }

    public static EmbeddedMongo inMemory() {
        return new EmbeddedMongo(new MemoryBackend(), 0);
    }

    /** A server persisting to an H2 file; port 0 picks a free port. */
    public static EmbeddedMongo h2(Path file, int port) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new EmbeddedMongo(new H2Backend(file.toAbsolutePath().toString()), port);
    }

    public String connectionString() {
        return "mongodb://127.0.0.1:" + address.getPort();
    }

    public int port() {
        return address.getPort();
    }

    /** Closes the server and its backend, which flushes the H2 file. */
    public void stop() {
        server.shutdownNow();
    }

    @Override
    public void close() {
        stop();
    }
}
