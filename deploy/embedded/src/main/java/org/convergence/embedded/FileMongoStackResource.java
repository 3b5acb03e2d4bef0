package org.convergence.embedded;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;

/**
 * As {@link ConvergenceStackResource}, except that MongoDB is the embedded server on H2 files in a process of its
 * own, as the local stack runs it: a test can kill it with SIGKILL, start it again on the same files, and search
 * those files. {@code @WithTestResource(FileMongoStackResource.class)}; Kafka and tokens are the JVM-wide stack's.
 */
public class FileMongoStackResource implements QuarkusTestResourceLifecycleManager {

    private static Path file;
    private static int port;
    private static EmbeddedMongoProcess process;

    @Override
    public Map<String, String> start() {
        synchronized (FileMongoStackResource.class) {
            file = Path.of("target", "file-mongo-" + UUID.randomUUID(), "convergence.mv").toAbsolutePath();
            port = EmbeddedMongoProcess.freePort();
            process = EmbeddedMongoProcess.start(file, port);
        }
        return Map.of(
                "quarkus.mongodb.connection-string", "mongodb://127.0.0.1:" + port,
                "kafka.bootstrap.servers", ConvergenceStack.kafkaBootstrapServers(),
                "mp.jwt.verify.publickey", ConvergenceStack.jwt().publicKeyPem(),
                "mp.jwt.verify.issuer", ConvergenceStack.jwt().issuer());
    }

    /** Kills the database process with SIGKILL and returns once it is gone. */
    public static synchronized void killDatabase() {
        process.kill();
    }

    /** Starts the database process again on the same files and port; returns once it accepts connections. */
    public static synchronized void startDatabase() {
        if (!process.isAlive()) {
            process = EmbeddedMongoProcess.start(file, port);
        }
    }

    /** The folder holding every file of the store. */
    public static synchronized Path storeDirectory() {
        return file.getParent();
    }

    @Override
    public void stop() {
        synchronized (FileMongoStackResource.class) {
            if (process != null) {
                process.stop();
            }
        }
    }
}
