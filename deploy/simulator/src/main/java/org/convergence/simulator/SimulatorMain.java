package org.convergence.simulator;

import org.convergence.contracts.IntegrationEventCodec;
import org.convergence.contracts.IntegrationEvents;
import org.convergence.contracts.Topics;
import org.convergence.embedded.JwtIssuer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Plays the software of one territory's chantiers against a running stack (README: {@code ./deploy/run-local
 * simulate}): registers the territory and its chantiers, then sends the generated history, bad records included,
 * over Kafka (the default) or through the REST API, and says where to watch the result.
 */
public final class SimulatorMain {

    static final String USAGE = """
            usage: ./deploy/run-local simulate [--seed N] [--territory SLUG] [--chantiers N] [--pathways N]
                                               [--weeks N] [--bad-share 0.1] [--as-of YYYY-MM-DD] [--via kafka|rest]
                                               [--kafka HOST:PORT] [--enrolment URL] [--hours URL] [--reporting URL]
                                               [--data-dir DIR]
              The same seed and day (--as-of, today by default) send the same history; another territory gets it
              under other ids.
              Defaults: seed 1, territory simulated, 2 chantiers, 12 pathways each, 8 weeks, bad share 0.1,
              via kafka, the launcher's ports (19092, 8081, 8082, 8084), tokens signed with DIR/keys (local-data).""";

    private SimulatorMain() {
    }

    public static void main(String[] args) {
        if (List.of(args).contains("--help")) {
            System.out.println(USAGE);
            return;
        }
        Map<String, String> options;
        try {
            options = options(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(USAGE);
            System.exit(2);
            return;
        }
        HistoryGenerator.Plan plan = new HistoryGenerator.Plan(
                Long.parseLong(options.getOrDefault("seed", "1")),
                options.getOrDefault("territory", "simulated"),
                Integer.parseInt(options.getOrDefault("chantiers", "2")),
                Integer.parseInt(options.getOrDefault("pathways", "12")),
                Double.parseDouble(options.getOrDefault("bad-share", "0.1")),
                Integer.parseInt(options.getOrDefault("weeks", "8")),
                LocalDate.parse(options.getOrDefault("as-of", LocalDate.now(ZoneOffset.UTC).toString())));
        String enrolment = options.getOrDefault("enrolment", "http://127.0.0.1:8081");
        String hours = options.getOrDefault("hours", "http://127.0.0.1:8082");
        String reporting = options.getOrDefault("reporting", "http://127.0.0.1:8084");
        Path keys = Path.of(options.getOrDefault("data-dir", "local-data")).resolve("keys");
        if (!Files.exists(keys.resolve("jwt-public.pem"))) {
            System.err.println("No token key in " + keys + ": start the stack first (./deploy/run-local), or give "
                    + "its --data-dir");
            System.exit(2);
        }
        JwtIssuer issuer = JwtIssuer.loadOrCreate(keys);
        TokenSource tokens = (role, claims) -> issuer.issue("simulator-" + role, role, claims, Duration.ofHours(1));
        IntegrationEventCodec codec = new IntegrationEventCodec(IntegrationEvents.all());

        History history = HistoryGenerator.generate(plan);
        RestSender rest = new RestSender(enrolment, hours, tokens, codec);
        rest.register(history);
        boolean viaKafka = !"rest".equals(options.getOrDefault("via", "kafka"));
        if (viaKafka) {
            try (KafkaSender kafka = new KafkaSender(options.getOrDefault("kafka", "127.0.0.1:19092"), codec,
                    Clock.systemUTC())) {
                kafka.send(history.records());
            }
        } else {
            long refused = rest.send(history.records()).stream().filter(outcome -> !outcome.accepted()).count();
            System.out.printf("REST refused %d record(s) (malformed ones are not sent through REST)%n", refused);
        }
        System.out.print(summary(history, plan, viaKafka, enrolment, reporting));
    }

    static String summary(History history, HistoryGenerator.Plan plan, boolean viaKafka, String enrolment,
                          String reporting) {
        StringBuilder text = new StringBuilder();
        text.append("Simulated the software of %d chantier(s) of territory %s (seed %d): sent %d pathway fact(s) and %d timesheet(s) %s, %d of them bad on purpose %s%n"
                .formatted(history.chantiers().size(), history.territoryId(), plan.seed(),
                        history.pathwayFacts().size(), history.timesheets().size(),
                        viaKafka ? "to Kafka" : "through REST", history.bad().size(), history.badByCode()));
        if (viaKafka) {
            for (ChantierSetup chantier : history.chantiers()) {
                text.append("  dead letters:  %s, %s (headers dlq.code, dlq.reason)%n".formatted(
                        Topics.deadLetterOf(Topics.chantierPathwaysOf(chantier.chantierId())),
                        Topics.deadLetterOf(Topics.timesheetsOf(chantier.chantierId()))));
            }
        }
        for (ChantierSetup chantier : history.chantiers()) {
            text.append("  rejections:    GET %s/chantiers/%s/inbound-rejections%n".formatted(enrolment,
                    chantier.chantierId()));
        }
        int last = plan.asOf().getYear();
        List<Integer> years = List.of(last - 4, last - 3, last - 2, last - 1, last);
        text.append("  figures:       GET %s/figures/territories/%s/{year}  (years %s)%n".formatted(reporting,
                history.territoryId(), years));
        return text.toString();
    }

    static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        List<String> known = List.of("seed", "territory", "chantiers", "pathways", "weeks", "bad-share", "as-of", "via",
                "kafka", "enrolment", "hours", "reporting", "data-dir");
        for (int i = 0; i < args.length; i++) {
            String name = args[i].startsWith("--") ? args[i].substring(2) : "";
            if (!known.contains(name) || i + 1 >= args.length) {
                throw new IllegalArgumentException("unknown option or missing value: " + args[i]);
            }
            options.put(name, args[++i]);
        }
        return options;
    }
}
