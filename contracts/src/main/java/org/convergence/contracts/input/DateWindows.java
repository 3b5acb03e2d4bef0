package org.convergence.contracts.input;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The plausible window of each kind of date, by kind name. The platform builds it from configuration
 * ({@code convergence.input.dates.<kind>.from/to}, defaults in the platform's configuration file); the kinds every
 * service shares are named here so that every door (REST, import, Kafka) checks the same kind the same way.
 */
public final class DateWindows {

    /** Entry, exit and promotion dates of a pathway, and their corrections. */
    public static final String PATHWAY = "pathway";
    /** A participant's birth date: an age between the youngest and oldest plausible participants. */
    public static final String BIRTH = "birth";
    /** The day a chantier starts carrying a program: it may be decided ahead. */
    public static final String PROGRAM_START = "program-start";
    /** A follow-up check-in after an exit. */
    public static final String CHECK_IN = "check-in";
    /** A territory's decisions: a program status, a steering committee, a coordination designated. */
    public static final String DECISION = "decision";

    private final Map<String, DateWindow> windows;

    public DateWindows(Map<String, DateWindow> windows) {
        this.windows = new TreeMap<>(windows);
    }

    public Optional<DateWindow> find(String kind) {
        return Optional.ofNullable(windows.get(kind));
    }

    /** The window of a kind; a kind nobody configured is a programming error, not a client's. */
    public DateWindow of(String kind) {
        return find(kind).orElseThrow(() -> new IllegalStateException("No date window configured for '" + kind
                + "': add convergence.input.dates." + kind + ".from and .to"));
    }

    /** Why {@code day} is refused for {@code kind} on {@code today}, or empty when it is plausible. */
    public Optional<String> problem(String kind, LocalDate day, LocalDate today) {
        DateWindow window = of(kind);
        return day == null || window.contains(day, today) ? Optional.empty() : Optional.of(window.message(today));
    }

    public Map<String, DateWindow> all() {
        return Map.copyOf(windows);
    }
}
