package org.convergence.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
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

    /**
     * The classpath the embedded servers run with: the one {@code deploy/run-local} uses, written by the build,
     * so the end-to-end test runs them exactly as README command 1 does.
     */
    String launcherClasspath() {
        Path target = repository.resolve("deploy/local-stack/target");
        try {
            return target.resolve("classes") + java.io.File.pathSeparator
                    + Files.readString(target.resolve("classpath.txt")).trim();
        } catch (IOException e) {
            throw new UncheckedIOException("Build first (./mvnw install -DskipTests): " + e.getMessage(), e);
        }
    }

    Path serviceJar(String service) {
        return repository.resolve("services").resolve(service).resolve("target/quarkus-app/quarkus-run.jar");
    }
}
