package org.convergence.localstack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * README command 1: starts the local stack, prints where everything is and a token per usual role, supervises
 * the processes (restarts one that dies) and stops everything cleanly on Ctrl-C. Usage:
 * {@code LocalStackMain [--data-dir DIR]}, or {@code LocalStackMain token ...} to mint one token
 * ({@link TokenCommand}).
 */
public final class LocalStackMain {

    private LocalStackMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        Path repository = Path.of("").toAbsolutePath();
        Path defaultDataDir = repository.resolve("local-data");
        if (args.length > 0 && args[0].equals("token")) {
            mintToken(Arrays.asList(args).subList(1, args.length), defaultDataDir);
            return;
        }
        Path dataDir = defaultDataDir;
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals("--data-dir")) {
                dataDir = Path.of(args[i + 1]).toAbsolutePath();
            }
        }
        StackLayout layout = StackLayout.defaults(repository, dataDir);
        LocalStack stack = new LocalStack(layout);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("\nStopping the local stack...");
            stack.close();
            System.out.println("Stopped. Data kept in " + layout.dataDir());
            stopped.countDown();
        }, "local-stack-shutdown"));

        long started = System.nanoTime();
        System.out.println("Starting the local stack; data in " + layout.dataDir() + ", logs in " + layout.logs());
        try {
            stack.start();
        } catch (RuntimeException e) {
            System.err.println("Could not start: " + e.getMessage());
            System.exit(1);
        }
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        printBanner(stack, layout, took);
        stopped.await();
    }

    private static void mintToken(List<String> args, Path defaultDataDir) {
        try {
            System.out.println(TokenCommand.mint(TokenCommand.parse(args, defaultDataDir)));
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage() + "\n" + TokenCommand.USAGE);
            System.exit(2);
        }
    }

    private static void printBanner(LocalStack stack, StackLayout layout, Duration took) {
        StringBuilder out = new StringBuilder();
        out.append("\nConvergence France backend is up (").append(took.toMillis()).append(" ms)\n\n");
        out.append("  Kafka      ").append(layout.kafkaBootstrap()).append('\n');
        out.append("  MongoDB    ").append(layout.mongoUri()).append('\n');
        for (String service : stack.services()) {
            out.append(String.format("  %-10s %s   (Swagger UI: %s/q/swagger-ui, health: %s/q/health)%n", service,
                    stack.baseUrl(service), stack.baseUrl(service), stack.baseUrl(service)));
        }
        String reporting = stack.baseUrl("reporting");
        out.append("\n  Figures    ").append(reporting).append("/figures/territories/{territoryId}/{year}\n");
        out.append("             ").append(reporting).append("/figures/national/{year}\n");
        out.append("  Dashboard  ").append(reporting).append("/dashboard   (sign in with a token below)\n");
        out.append("\nTokens (valid 12 h; send as 'Authorization: Bearer <token>'):\n");
        token(out, stack, "national", Map.of(), "national team");
        token(out, stack, "territory-coordinator", Map.of("territory", "paris"), "coordinator of paris");
        token(out, stack, "chantier-staff", Map.of("territory", "paris", "chantier", "emmaus-defi"),
                "staff of chantier emmaus-defi (paris)");
        token(out, stack, "evaluator", Map.of(), "evaluator (figures only)");
        token(out, stack, "partner", Map.of("territory", "paris", "partner", "cpam-paris"),
                "partner cpam-paris of paris (accompaniment: the referrals addressed to it, nothing else)");
        token(out, stack, "employer", Map.of("employer", "franprix"),
                "staff of employer franprix (transitions: its own transitions, to read and follow, nothing else)");
        out.append("\n  Any other role and scope, in another terminal:\n")
                .append("  ./deploy/run-local token --role chantier-staff --territory lyon --chantier fndsa\n")
                .append("  (any --CLAIM VALUE pair becomes a claim; --valid 30m|12h|7d; see docs/runbook.md)\n");
        out.append("\nA process that dies is restarted (lines starting with !!!). Press Ctrl-C to stop everything.\n");
        System.out.println(out);
    }

    private static void token(StringBuilder out, LocalStack stack, String role, Map<String, String> claims,
                              String who) {
        out.append("\n  ").append(who).append(":\n  ").append(stack.token(role, claims)).append('\n');
    }
}
