package org.convergence.reporting.conventions;

import io.smallrye.config.ConfigMapping;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

/** The funding conventions as data: {@code reporting.conventions.<id>.*} (application.properties). */
@ConfigMapping(prefix = "reporting.conventions")
public interface ConventionsConfig {

    /** By convention id. */
    Map<String, Entry> targets();

    interface Entry {
        String funder();

        String program();

        int byYear();

        Optional<Integer> territoriesMin();

        Optional<Integer> territoriesMax();

        Optional<Integer> participants();

        Optional<Integer> newTerritories();

        Optional<LocalDate> newSince();
    }
}
