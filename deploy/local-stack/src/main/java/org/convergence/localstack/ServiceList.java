package org.convergence.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The services of {@code deploy/services.conf}: one line each (name, local port, kind), the one list the
 * launcher starts, its end-to-end test and the benchmarks call, and {@code ServiceListTest} holds the Maven
 * modules, Kubernetes and compose to.
 */
public final class ServiceList {

    public static final String FILE = "deploy/services.conf";
    static final Set<String> KINDS = Set.of("command", "projection");

    /** One service: where the launcher serves it and what kind of workload it is (its Kubernetes component). */
    public record Service(String name, int port, String kind) {
    }

    private ServiceList() {
    }

    public static List<Service> read(Path repository) {
        Path file = repository.resolve(FILE);
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the list of services " + file, e);
        }
        List<Service> services = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            services.add(parse(line, file + ":" + (i + 1)));
        }
        if (services.isEmpty()) {
            throw new IllegalStateException(file + " lists no service");
        }
        return List.copyOf(services);
    }

    private static Service parse(String line, String where) {
        String[] fields = line.split("\\s+");
        if (fields.length != 3 || !fields[0].matches("[a-z][a-z0-9-]*") || !fields[1].matches("\\d{2,5}")
                || !KINDS.contains(fields[2])) {
            throw new IllegalStateException(where + ": expected 'name port kind' with kind one of " + KINDS
                    + ", found '" + line + "'");
        }
        return new Service(fields[0], Integer.parseInt(fields[1]), fields[2]);
    }
}
