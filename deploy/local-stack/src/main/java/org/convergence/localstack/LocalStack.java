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
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Consumer;

/**
 * The whole backend on one machine with embedded defaults: a MongoDB-compatible server (H2 file), a real
 * Kafka broker (KRaft) and every service of {@code deploy/services.conf}, each in its own process, all data
 * under one folder.
 *
 * <p>The stack supervises its processes as an orchestrator would: one that dies is started again after a
 * back-off, with a loud line ({@code !!! ...}) on the announcement channel (the launcher's output), see
 * {@link SupervisedProcess}. Crash tests drive that from outside with the process names of
 * {@link #processNames()} ({@code mongo}, {@code kafka}, then the services):
 * <pre>{@code
 * long pid = stack.kill("reporting");                          // SIGKILL, as a crash would
 * Duration back = stack.awaitBack("reporting", pid, Duration.ofMinutes(2));   // a new run is ready
 * int restarts = stack.restarts("reporting");
 * }</pre>
 * {@link #stop(String)} and {@link #start(String)} take a process away on purpose (it is not restarted) and
 * bring it back; {@link #close()} stops everything, services first, and restarts nothing.
 */
public final class LocalStack implements AutoCloseable {

    public static final String MONGO = "mongo";
    public static final String KAFKA = "kafka";
    private static final Duration SERVICE_READY_TIMEOUT = Duration.ofSeconds(120);
    /**
     * The tokens a service holds towards another one, each naming the one role it needs there (least privilege):
     * service, environment variable, role. The identity provider issues them in production (docs/runbook.md).
     */
    private static final Map<String, Map<String, String>> SERVICE_TOKENS = Map.of(
            "transitions", Map.of("HOURS_SERVICE_TOKEN", "store-scheduler"), // ADR 0020
            "accompaniment", Map.of("ENROLMENT_SERVICE_TOKEN", "identity-reader")); // ADR 0027

    private final StackLayout layout;
    private final Consumer<String> announce;
    private final Map<String, String> serviceEnvironment;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final Map<String, SupervisedProcess> processes = new LinkedHashMap<>();
    private ScheduledExecutorService supervisor;
    private JwtIssuer jwt;

    public LocalStack(StackLayout layout) {
        this(layout, System.out::println, Map.of());
    }

    /**
     * @param announce           where supervision lines go (the launcher's output)
     * @param serviceEnvironment extra environment of every service, e.g. {@code JAVA_OPTS_APPEND} for a benchmark
     */
    public LocalStack(StackLayout layout, Consumer<String> announce, Map<String, String> serviceEnvironment) {
        this.layout = layout;
        this.announce = announce;
        this.serviceEnvironment = Map.copyOf(serviceEnvironment);
    }

    /** Starts every process and returns once each service reports ready; stops what it started if one fails. */
    public void start() {
        try {
            startAll();
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    private void startAll() {
        try {
            Files.createDirectories(layout.dataDir());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        jwt = keys(layout.dataDir());
        supervisor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "local-stack-supervisor");
            thread.setDaemon(true);
            return thread;
        });
        processes.put(MONGO, embedded(MONGO, "512m", "org.convergence.embedded.EmbeddedMongoMain", List.of(
                "--file", layout.dataDir().resolve("mongo").resolve("convergence.mv").toString(),
                "--port", Integer.toString(layout.mongoPort())), "MONGO READY", Duration.ofSeconds(60)));
        processes.put(KAFKA, embedded(KAFKA, "768m", "org.convergence.embedded.EmbeddedKafkaMain", List.of(
                "--data-dir", layout.dataDir().resolve("kafka").toString(),
                "--port", Integer.toString(layout.kafkaPort())), "KAFKA READY", Duration.ofSeconds(90)));
        layout.services().forEach(service -> processes.put(service, service(service)));
        processes.get(MONGO).launch();
        processes.get(KAFKA).launch();
        processes.get(KAFKA).awaitReady();
        processes.get(MONGO).awaitReady();
        List<SupervisedProcess> services = layout.services().stream().map(processes::get).toList();
        services.forEach(SupervisedProcess::launch);
        services.forEach(SupervisedProcess::awaitReady);
    }

    /** The local stack's token signing key, kept in the data folder so printed tokens survive restarts. */
    static JwtIssuer keys(Path dataDir) {
        return JwtIssuer.loadOrCreate(dataDir.resolve("keys"));
    }

    /** {@code mongo}, {@code kafka}, then the services in the order of the list. */
    public List<String> processNames() {
        return List.copyOf(processes.keySet());
    }

    public long pid(String process) {
        return process(process).pid();
    }

    /** Kills the process with SIGKILL, as a crash would, and returns the pid killed; the stack restarts it. */
    public long kill(String process) {
        return process(process).kill();
    }

    /** Waits until {@code process} runs again under a pid other than {@code killedPid} and is ready. */
    public Duration awaitBack(String process, long killedPid, Duration timeout) {
        return process(process).awaitBack(killedPid, timeout);
    }

    /** How many times the stack restarted {@code process} since it started. */
    public int restarts(String process) {
        return process(process).restarts();
    }

    /** Stops one process on purpose (SIGTERM): it stays stopped until {@link #start(String)}. */
    public void stop(String process) {
        process(process).stop();
    }

    /** Starts a process stopped with {@link #stop(String)} and waits until it is ready. */
    public void start(String process) {
        SupervisedProcess supervised = process(process);
        supervised.launch();
        supervised.awaitReady();
    }

    public String token(String role, Map<String, String> claims) {
        return jwt.issue("local-" + role, role, claims, Duration.ofHours(12));
    }

    public String baseUrl(String service) {
        return "http://127.0.0.1:" + layout.port(service);
    }

    public List<String> services() {
        return layout.services();
    }

    /** Process ids, for measuring memory. */
    public Map<String, Long> pids() {
        Map<String, Long> pids = new LinkedHashMap<>();
        processes.forEach((name, process) -> pids.put(name, process.pid()));
        return pids;
    }

    @Override
    public void close() {
        // All at once first: on Ctrl-C the terminal signals every child too, and none of those exits is a crash.
        processes.values().forEach(SupervisedProcess::release);
        List<SupervisedProcess> reversed = new ArrayList<>(processes.values());
        java.util.Collections.reverse(reversed);
        reversed.forEach(SupervisedProcess::stop);
        if (supervisor != null) {
            supervisor.shutdownNow();
        }
        processes.clear();
    }

    private SupervisedProcess process(String name) {
        SupervisedProcess process = processes.get(name);
        if (process == null) {
            throw new IllegalArgumentException("Unknown process " + name + "; known: " + processes.keySet());
        }
        return process;
    }

    private SupervisedProcess service(String service) {
        Path jar = layout.serviceJar(service);
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: build first (./mvnw install -DskipTests)");
        }
        Map<String, String> env = new LinkedHashMap<>();
        env.put("JAVA", javaBinary());
        env.put("HTTP_PORT", Integer.toString(layout.port(service)));
        env.put("QUARKUS_HTTP_HOST", "127.0.0.1");
        env.put("KAFKA_BOOTSTRAP_SERVERS", layout.kafkaBootstrap());
        env.put("MONGODB_URI", layout.mongoUri());
        env.put("JWT_PUBLIC_KEY_LOCATION", jwt.publicKeyFile().toUri().toString());
        env.put("JSON_LOGS", "false");
        // Where every other service answers, as <NAME>_URL (HOURS_URL...), like the k8s base names them.
        layout.services().forEach(other -> env.put(other.toUpperCase(java.util.Locale.ROOT) + "_URL", baseUrl(other)));
        SERVICE_TOKENS.getOrDefault(service, Map.of()).forEach((variable, role) -> env.put(variable,
                jwt.issue("service-" + service, role, Map.of(), Duration.ofDays(30))));
        env.putAll(serviceEnvironment);
        List<String> command = List.of(layout.serviceRunner().toString(), jar.toString());
        return new SupervisedProcess(service, () -> ChildProcess.start(service, command, env, layout.logs(), null),
                run -> awaitHttpReady(service, run), supervisor, announce);
    }

    private SupervisedProcess embedded(String name, String heap, String main, List<String> args, String readyMarker,
                                       Duration timeout) {
        List<String> command = new ArrayList<>(List.of(javaBinary(), "-Xmx" + heap, "-XX:+UseSerialGC",
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn", "-cp", layout.launcherClasspath(), main));
        command.addAll(args);
        return new SupervisedProcess(name, () -> ChildProcess.start(name, command, Map.of(), layout.logs(),
                readyMarker), run -> run.awaitReadyLine(timeout), supervisor, announce);
    }

    private void awaitHttpReady(String service, ChildProcess run) {
        URI ready = URI.create(baseUrl(service) + "/q/health/ready");
        long deadline = System.nanoTime() + SERVICE_READY_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!run.isAlive()) {
                throw new IllegalStateException(run.exitReport());
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
        throw new IllegalStateException(service + " was not ready within " + SERVICE_READY_TIMEOUT.toSeconds()
                + " s; see " + run.log());
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
