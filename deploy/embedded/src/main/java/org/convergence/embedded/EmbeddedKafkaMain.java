package org.convergence.embedded;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/** Runs the embedded Kafka broker as its own process: {@code --data-dir DIR --port N}. Stops on SIGTERM. */
public final class EmbeddedKafkaMain {

    private EmbeddedKafkaMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        Arguments arguments = Arguments.parse(args);
        EmbeddedKafka kafka = EmbeddedKafka.start(Path.of(arguments.required("--data-dir")),
                Integer.parseInt(arguments.required("--port")));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            kafka.stop();
            stopped.countDown();
        }, "kafka-shutdown"));
        System.out.println("KAFKA READY " + kafka.bootstrapServers());
        stopped.await();
    }
}
