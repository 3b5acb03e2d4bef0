package org.convergence.localstack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code ./deploy/run-local token --role ROLE [--CLAIM VALUE]... [--subject S] [--valid 12h] [--data-dir DIR]}:
 * prints one bearer token signed with the local stack's key (in the data folder), for any role and any scope
 * claims, so roles other services add (a partner, an employer, a chantier's software) need no change here:
 * <pre>
 * ./deploy/run-local token --role territory-coordinator --territory lyon
 * ./deploy/run-local token --role chantier-staff --territory lyon --chantier fndsa
 * </pre>
 */
final class TokenCommand {

    static final String USAGE = "usage: ./deploy/run-local token --role ROLE [--CLAIM VALUE]... [--subject SUBJECT] "
            + "[--valid 12h|30m|7d] [--data-dir DIR]\n  e.g. --role chantier-staff --territory lyon --chantier fndsa";
    private static final Duration DEFAULT_VALIDITY = Duration.ofHours(12);

    /** What a command line asks for. */
    record Request(String role, String subject, Map<String, String> claims, Duration validity, Path dataDir) {
    }

    private TokenCommand() {
    }

    static Request parse(List<String> args, Path defaultDataDir) {
        String role = null;
        String subject = null;
        Duration validity = DEFAULT_VALIDITY;
        Path dataDir = defaultDataDir;
        Map<String, String> claims = new LinkedHashMap<>();
        for (int i = 0; i < args.size(); i += 2) {
            String option = args.get(i);
            if (!option.startsWith("--") || i + 1 >= args.size()) {
                throw new IllegalArgumentException("expected --NAME VALUE pairs, found '" + option + "'");
            }
            String name = option.substring(2);
            String value = args.get(i + 1);
            switch (name) {
                case "role" -> role = value;
                case "subject" -> subject = value;
                case "valid" -> validity = duration(value);
                case "data-dir" -> dataDir = Path.of(value).toAbsolutePath();
                default -> {
                    if (!name.matches("[a-z][A-Za-z0-9_-]*")) {
                        throw new IllegalArgumentException("'" + name + "' is not a claim name");
                    }
                    if (claims.put(name, value) != null) {
                        throw new IllegalArgumentException("--" + name + " given twice");
                    }
                }
            }
        }
        if (role == null || role.isBlank()) {
            throw new IllegalArgumentException("--role is required");
        }
        return new Request(role, subject == null ? subject(role, claims) : subject, Map.copyOf(claims), validity,
                dataDir);
    }

    static String mint(Request request) {
        return LocalStack.keys(request.dataDir()).issue(request.subject(), request.role(),
                new LinkedHashMap<>(request.claims()), request.validity());
    }

    /** A readable subject, recorded as {@code recordedBy} with what the token does: local-chantier-staff-fndsa. */
    private static String subject(String role, Map<String, String> claims) {
        StringBuilder subject = new StringBuilder("local-").append(role);
        claims.values().forEach(value -> subject.append('-').append(value));
        return subject.toString();
    }

    private static Duration duration(String text) {
        if (!text.matches("\\d+[mhd]")) {
            throw new IllegalArgumentException("--valid takes minutes, hours or days: 30m, 12h, 7d");
        }
        long amount = Long.parseLong(text.substring(0, text.length() - 1));
        return switch (text.charAt(text.length() - 1)) {
            case 'm' -> Duration.ofMinutes(amount);
            case 'h' -> Duration.ofHours(amount);
            default -> Duration.ofDays(amount);
        };
    }
}
