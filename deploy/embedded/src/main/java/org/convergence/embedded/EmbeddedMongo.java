package org.convergence.embedded;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

import java.net.InetSocketAddress;
import java.nio.file.Path;

/**
 * mongo-java-server: a MongoDB wire-protocol server in Java that the services reach with their ordinary
 * MongoDB driver (no mongod can be installed here). On H2 files ({@link DurableH2Backend}) a command answers
 * only once its effect is durable, and an erased key is in no file once its deletion has answered.
 * Its default server version is kept on purpose: the driver needs wire version 8 or more. It serves exact
 * {@code _id} lookups from an index and scans for almost everything else, which is why the services' hot
 * paths are {@code _id} lookups. It has no multi-document transactions.
 */
public final class EmbeddedMongo implements AutoCloseable {

    private static final int NETWORK_THREADS = 16;

    private final MongoServer server;
    private final MongoBackend backend;
    private final InetSocketAddress address;
    private boolean running = true;

    private EmbeddedMongo(MongoBackend backend, int port) {
        QuietLogs.warnOnly(QuietLogs.MONGO_SERVER);
        this.backend = backend;
        this.server = new MongoServer(backend);
        try {
            // A command on the H2 files holds its network thread until its commit is durable; more threads let
            // more clients wait for the same commit (group commit). Netty's default is two per core.
            server.bind(new InetSocketAddress("127.0.0.1", port), 0, NETWORK_THREADS);
        } catch (RuntimeException e) {
            backend.close(); // releases the H2 file lock, so a retry on another port can open it
            throw e;
        }
        this.address = server.getLocalAddress();
    }

    /** An empty in-memory database on a free port. */
    public static EmbeddedMongo inMemory() {
        return new EmbeddedMongo(new IdServedMemoryBackend(), 0);
    }

    /**
     * A database persisted to H2 files (created if absent), each commit forced to the device (fsync): an
     * acknowledged write survives a killed process and a power loss. Port 0 picks a free port.
     */
    public static EmbeddedMongo h2(Path file, int port) {
        return h2(file, port, true);
    }

    /**
     * As {@link #h2(Path, int)}; without {@code fsync} an acknowledged write survives a killed process (it is in
     * the operating system's cache) but not a power loss or a crash of the machine.
     */
    public static EmbeddedMongo h2(Path file, int port, boolean fsync) {
        return new EmbeddedMongo(DurableH2Backend.open(file, fsync), port);
    }

    /** The key file beside an H2 store file: databases named {@code *_keys} live there (ADR 0013). */
    public static Path keyFileOf(Path file) {
        return DurableH2Backend.keyFileOf(file.toAbsolutePath());
    }

    /** On H2 files: commits so far and write commands they carried (group commit); empty in memory. */
    public long[] commitsAndWrites() {
        return backend instanceof DurableH2Backend durable ? durable.commitsAndChanges() : new long[0];
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
