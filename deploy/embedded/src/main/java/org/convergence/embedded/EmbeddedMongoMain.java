package org.convergence.embedded;

import java.nio.file.Path;

/**
 * Runs the MongoDB-compatible server on an H2 file as its own process, for the local stack:
 * {@code --file PATH --port N}. Prints {@code MONGO READY mongodb://127.0.0.1:N} once it accepts
 * connections; SIGTERM closes the H2 store, so every write is flushed to the file.
 */
public final class EmbeddedMongoMain {

    private EmbeddedMongoMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        Arguments arguments = Arguments.parse(args);
        EmbeddedMongo mongo = EmbeddedMongo.h2(Path.of(arguments.required("--file")), arguments.requiredPort("--port"));
        StandaloneProcess.runUntilTerminated("MONGO READY " + mongo.connectionString(), mongo::stop);
    }
}
