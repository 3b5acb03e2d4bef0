package org.convergence.platform.programs;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The programs every service knows, from configuration ({@code convergence.programs.<CODE>.*}, see
 * {@link ProgramSettings}). Adding a program ("Petits pas vers l'emploi") is configuration only; the founding two,
 * whose rules the domain knows by name, are {@link #PREMIERES_HEURES} and {@link #CONVERGENCE}. A plain class,
 * so aggregates and pure functions can take it as a parameter.
 */
public final class ProgramCatalog {

    public static final String PREMIERES_HEURES = "PREMIERES_HEURES";
    public static final String CONVERGENCE = "CONVERGENCE";

    private final Map<String, Program> programs = new LinkedHashMap<>();

    public ProgramCatalog(Collection<Program> programs) {
        for (Program program : programs) {
            if (this.programs.putIfAbsent(program.code(), program) != null) {
                throw new IllegalArgumentException("Program " + program.code() + " is configured twice");
            }
        }
        if (this.programs.isEmpty()) {
            throw new IllegalArgumentException("The program catalogue is empty");
        }
    }

    public Optional<Program> find(String code) {
        return Optional.ofNullable(code).map(programs::get);
    }

    /** The program with this code; for codes already validated at the door (stored facts, checked requests). */
    public Program require(String code) {
        return find(code).orElseThrow(() -> new IllegalArgumentException("Unknown program " + code));
    }

    public boolean isKnown(String code) {
        return code != null && programs.containsKey(code);
    }

    /** The known codes, sorted: for messages such as "must be one of …". */
    public Set<String> codes() {
        return new TreeSet<>(programs.keySet());
    }

    public String unknownMessage() {
        return "must be one of " + String.join(", ", codes());
    }
}
