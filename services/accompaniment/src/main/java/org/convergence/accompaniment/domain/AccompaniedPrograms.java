package org.convergence.accompaniment.domain;

import java.util.Set;

/** The programs whose pathways get an entry assessment and barriers (configured: Convergence and Premières Heures). */
public record AccompaniedPrograms(Set<String> codes) {

    public AccompaniedPrograms {
        codes = Set.copyOf(codes);
    }

    public boolean includes(String program) {
        return codes.contains(program);
    }
}
