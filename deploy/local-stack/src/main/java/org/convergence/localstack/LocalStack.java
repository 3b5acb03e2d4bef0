package org.convergence.localstack;

import org.convergence.embedded.JwtIssuer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The whole backend on one machine with embedded defaults: a MongoDB-compatible server (H2 file), a real
 * Kafka broker (KRaft) and every service, each in its own process, all data under one folder.
 */
public final class LocalStack implements AutoCloseable {

    static final List<String> SERVICES = List.of("enrolment", "reporting");

    private final StackLayout layout;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final List<ChildProcess> services = new ArrayList<>();
    private ChildProcess mongo;
    private ChildProcess kafka;
    private JwtIssuer jwt;

    LocalStack(StackLayout layout) {
        this.layout = layout;
    }

    /** Starts every process and returns once each service reports ready. */
    void start() {
        try {
            Files.createDirectories(layout.dataDir());
            jwt = JwtIssuer.loadOrCreate(layout.dataDir().resolve("keys"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        mongo = startMongo();
        startKafka();
        mongo.awaitReadyLine(Duration.ofSeconds(60), layout.logs());
        for (String service : SERVICES) {
            services.add(startService(service));
        }
        for (ChildProcess service : services) {
            awaitReady(service);
        }
    }

    void startKafka() {
        kafka = startJava("kafka", "768m", List.of("org.convergence.embedded.EmbeddedKafkaMain",
                "--data-dir", layout.dataDir().resolve("kafka").toString(),
                "--port", Integer.toString(layout.kafkaPort())), "KAFKA READY");
        kafka.awaitReadyLine(Duration.ofSeconds(90), layout.logs());
    }

    void stopKafka() {
        kafka.stop();
    }

    String token(String role, Map<String, String> claims) {
        return jwt.issue("local-" + role, role, claims, Duration.ofHours(12));
    }

    String baseUrl(String service) {
        return "http://127.0.0.1:" + port(service);
    }

    /** Process ids, for measuring memory. */
    Map<String, Long> pids() {
        Map<String, Long> pids = new LinkedHashMap<>();
        pids.put("mongo", mongo.pid());
        pids.put("kafka", kafka.pid());
        services.forEach(s -> pids.put(s.name(), s.pid()));
        return pids;
    }

    @Override
    public void close() {
        for (int i = services.size() - 1; i >= 0; i--) {
            services.get(i).stop();
        }
        services.clear();
        if (kafka != null) {
            kafka.stop();
        }
        if (mongo != null) {
            mongo.stop();
        }
    }

    /**
     * Starts one process of the stack again after it died (the kill soak test's SIGKILLs) and returns once it is
     * ready: {@code mongo}, {@code kafka} or a service. A stop-gap until the launcher supervises its processes.
     */
    synchronized void restart(String name) {
        switch (name) {
            case "mongo" -> {
                mongo.stop();
                mongo = startMongo();
                mongo.awaitReadyLine(Duration.ofSeconds(60), layout.logs());
            }
            case "kafka" -> {
                kafka.stop();
                startKafka();
            }
            default -> {
                ChildProcess dead = services.stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
                dead.stop();
                ChildProcess restarted = startService(name);
                services.set(services.indexOf(dead), restarted);
                awaitReady(restarted);
            }
        }
    }

    private int port(String service) {
        return switch (service) {
            case "enrolment" -> layout.enrolmentPort();
            case "reporting" -> layout.reportingPort();
            default -> throw new IllegalArgumentException("Unknown service " + service);
        };
    }

    private ChildProcess startMongo() {
        return startJava("mongo", "512m", List.of("org.convergence.embedded.EmbeddedMongoMain",
                "--file", layout.dataDir().resolve("mongo").resolve("convergence.mv").toString(),
                "--port", Integer.toString(layout.mongoPort())), "MONGO READY");
    }

    private ChildProcess startService(String service) {
        Path jar = layout.serviceJar(service);
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: build first (./mvnw install -DskipTests)");
        }
        Map<String, String> env = new LinkedHashMap<>();
        env.put("HTTP_PORT", Integer.toString(port(service)));
        env.put("QUARKUS_HTTP_HOST", "127.0.0.1");
        env.put("KAFKA_BOOTSTRAP_SERVERS", layout.kafkaBootstrap());
        env.put("MONGODB_URI", layout.mongoUri());
        env.put("JWT_PUBLIC_KEY_LOCATION", jwt.publicKeyFile().toUri().toString());
        env.put("JSON_LOGS", "false");
        return ChildProcess.start(service, List.of(javaBinary(), "-Xmx256m", "-XX:+UseSerialGC",
                "-Ddisable-axoniq-console-message=true", "-jar", jar.toString()), env, layout.logs(), null);
    }

    private ChildProcess startJava(String name, String heap, List<String> mainAndArgs, String readyMarker) {
        List<String> command = new ArrayList<>(List.of(javaBinary(), "-Xmx" + heap, "-XX:+UseSerialGC",
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                "-cp", layout.launcherClasspath()));
        command.addAll(mainAndArgs);
        return ChildProcess.start(name, command, Map.of(), layout.logs(), readyMarker);
    }

    private void awaitReady(ChildProcess service) {
        URI ready = URI.create(baseUrl(service.name()) + "/q/health/ready");
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline) {
            if (!service.isAlive()) {
                throw new IllegalStateException(service.name() + " exited; see " + layout.logs()
                        .resolve(service.name() + ".log"));
            }
            try {
                HttpResponse<Void> response = http.send(HttpRequest.newBuilder(ready).timeout(Duration.ofSeconds(5))
                        .build(), HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(250);
        }
        throw new IllegalStateException(service.name() + " was not ready within 120 s");
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
