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
 * mongo-java-server: a MongoDB wire-protocol server in Java that the services reach with their ordinary
 * MongoDB driver (no mongod can be installed here). The H2 backend keeps data in a file across restarts.
 * Its default server version is kept on purpose: the driver needs wire version 8 or more. It serves exact
 * {@code _id} lookups from an index and scans for almost everything else, which is why the services' hot
 * paths are {@code _id} lookups. It has no multi-document transactions.
 */
public final class EmbeddedMongo implements AutoCloseable {

    private final MongoServer server;
    private final InetSocketAddress address;
    private boolean running = true;

    private EmbeddedMongo(MongoBackend backend, int port) {
        QuietLogs.warnOnly(QuietLogs.MONGO_SERVER);
        this.server = new MongoServer(backend);
        try {
            server.bind("127.0.0.1", port);
        } catch (RuntimeException e) {
            backend.close(); // releases the H2 file lock, so a retry on another port can open it
            throw e;
        }
        this.address = server.getLocalAddress();
    }

    /** An empty in-memory database on a free port. */
    public static EmbeddedMongo inMemory() {
        return new EmbeddedMongo(new MemoryBackend(), 0);
    }

    /** A database persisted to an H2 file (created if absent); port 0 picks a free port. */
    public static EmbeddedMongo h2(Path file, int port) {
        Path absolute = file.toAbsolutePath();
        try {
            Files.createDirectories(absolute.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new EmbeddedMongo(new H2Backend(absolute.toString()), port);
    }

    public String connectionString() {
        return "mongodb://127.0.0.1:" + address.getPort();
    }

    public int port() {
        return address.getPort();
    }

    /**
     * Closes client connections, then the server and its backend: for H2 this flushes and unlocks the file.
     * Idempotent, so a shutdown hook and a close() may both call it.
     */
    public synchronized void stop() {
        if (running) {
            running = false;
            server.shutdownNow();
        }
    }

    @Override
    public void close() {
        stop();
    }
}
