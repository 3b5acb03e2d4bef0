package org.convergence.embedded;

import java.nio.file.Path;

/**
 * Runs the MongoDB-compatible server on an H2 file as its own process, for the local stack:
 * {@code --file PATH --port N [--fsync true|false]}. Prints {@code MONGO READY mongodb://127.0.0.1:N} once it
 * accepts connections. Every acknowledged write is already in the file, so SIGKILL loses nothing acknowledged;
 * with {@code --fsync true} (the default) a power loss does not either. SIGTERM closes the files cleanly.
 */
public final class EmbeddedMongoMain {

    private EmbeddedMongoMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        Arguments arguments = Arguments.parse(args);
        boolean fsync = arguments.optionalBoolean("--fsync", true);
        EmbeddedMongo mongo = EmbeddedMongo.h2(Path.of(arguments.required("--file")), arguments.requiredPort("--port"),
                fsync);
        StandaloneProcess.runUntilTerminated("MONGO READY " + mongo.connectionString(), mongo::stop);
    }
}
