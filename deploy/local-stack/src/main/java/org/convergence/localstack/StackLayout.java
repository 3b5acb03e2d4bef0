package org.convergence.localstack;

import java.nio.file.Path;

/**
 * Where the local stack keeps its data and listens. Every process gets a fixed port so that URLs and
 * tokens printed once stay valid across restarts.
 */
record StackLayout(Path repository, Path dataDir, int kafkaPort, int mongoPort, int enrolmentPort,
                   int reportingPort) {

    static StackLayout defaults(Path repository, Path dataDir) {
        return new StackLayout(repository, dataDir, 19092, 27027, 8081, 8084);
    }

    Path logs() {
        return dataDir.resolve("logs");
    }

    String kafkaBootstrap() {
        return "127.0.0.1:" + kafkaPort;
    }

    String mongoUri() {
        return "mongodb://127.0.0.1:" + mongoPort;
    }

    Path serviceJar(String service) {
        return repository.resolve("services").resolve(service).resolve("target/quarkus-app/quarkus-run.jar");
    }
}
