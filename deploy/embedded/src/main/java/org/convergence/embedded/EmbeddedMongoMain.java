package org.convergence.embedded;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/** Runs the embedded MongoDB-compatible server as its own process: {@code --file PATH --port N}. */
public final class EmbeddedMongoMain {

    private EmbeddedMongoMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        Arguments arguments = Arguments.parse(args);
        EmbeddedMongo mongo = EmbeddedMongo.h2(Path.of(arguments.required("--file")),
                Integer.parseInt(arguments.required("--port")));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            mongo.stop();
            stopped.countDown();
        }, "mongo-shutdown"));
        System.out.println("MONGO READY " + mongo.connectionString());
        stopped.await();
    }
}
