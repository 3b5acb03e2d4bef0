package org.convergence.embedded;

import java.nio.file.Path;

/**
 * Runs the embedded Kafka broker as its own process, for the local stack: {@code --data-dir DIR --port N}.
 * Prints {@code KAFKA READY 127.0.0.1:N} once clients can connect; SIGTERM shuts the broker down cleanly.
 */
public final class EmbeddedKafkaMain {

    private EmbeddedKafkaMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        Arguments arguments = Arguments.parse(args);
        EmbeddedKafka kafka = EmbeddedKafka.start(Path.of(arguments.required("--data-dir")),
                arguments.requiredPort("--port"));
        StandaloneProcess.runUntilTerminated("KAFKA READY " + kafka.bootstrapServers(), kafka::stop);
    }
}
