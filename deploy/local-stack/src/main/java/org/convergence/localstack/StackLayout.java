package org.convergence.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.convergence.embedded.FreePorts;

/**
 * Where the local stack keeps its data and listens. The launcher uses fixed ports (the services' from
 * {@code deploy/services.conf}) so that URLs and tokens printed once stay valid across restarts; tests and
 * benchmarks take free ones, so a test stack never collides with a running one.
 */
public record StackLayout(Path repository, Path dataDir, int kafkaPort, int mongoPort,
                          Map<String, Integer> servicePorts) {

    public static final int KAFKA_PORT = 19092;
    public static final int MONGO_PORT = 27027;

    public StackLayout {
        servicePorts = Collections.unmodifiableMap(new LinkedHashMap<>(servicePorts));
    }

    /** The launcher's fixed, documented ports. */
    public static StackLayout defaults(Path repository, Path dataDir) {
        Map<String, Integer> ports = new LinkedHashMap<>();
        ServiceList.read(repository).forEach(service -> ports.put(service.name(), service.port()));
        return new StackLayout(repository, dataDir, KAFKA_PORT, MONGO_PORT, ports);
    }

    /** Every process on a port free right now, for a stack that must not collide with a running one. */
    public static StackLayout onFreePorts(Path repository, Path dataDir) {
        Map<String, Integer> ports = new LinkedHashMap<>();
        ServiceList.read(repository).forEach(service -> ports.put(service.name(), freePort()));
        return new StackLayout(repository, dataDir, freePort(), freePort(), ports);
    }

    /**
     * The stack of one test or benchmark run of a module: the repository the build names ({@code repository.root},
     * set by the module's surefire and failsafe configuration), data in a new directory under the module's
     * {@code target}, every process on a free port.
     */
    public static StackLayout forTestRun(String module, String prefix) {
        Path repository = Path.of(System.getProperty("repository.root", "../..")).toAbsolutePath().normalize();
        try {
            return onFreePorts(repository, Files.createTempDirectory(repository.resolve(module).resolve("target"),
                    prefix));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The services' names, in the order of the list. */
    public List<String> services() {
        return List.copyOf(servicePorts.keySet());
    }

    public int port(String service) {
        Integer port = servicePorts.get(service);
        if (port == null) {
            throw new IllegalArgumentException("Unknown service " + service + "; known: " + servicePorts.keySet());
        }
        return port;
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

    /** The one entry point of every service, shared with its image: memory settings live beside it. */
    Path serviceRunner() {
        return repository.resolve("deploy/service/run");
    }

    private static int freePort() {
        return FreePorts.next();
    }
}
