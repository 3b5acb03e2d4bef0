package org.convergence.enrolment.config;

import jakarta.enterprise.context.ApplicationScoped;
import org.convergence.platform.rest.InvalidFieldsException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Set;

/**
 * Programs are data, not an enum: new ones ("Petits pas vers l'emploi") are added by configuration
 * ({@code enrolment.programs}).
 */
@ApplicationScoped
public class ProgramCatalog {

    private final Set<String> codes;

    public ProgramCatalog(@ConfigProperty(name = "enrolment.programs") Set<String> codes) {
        this.codes = Set.copyOf(codes);
    }

    public boolean isKnown(String code) {
        return codes.contains(code);
    }

    /** Refuses an unknown program code as a bad value of {@code field}. */
    public void requireKnown(String field, String code) {
        if (!isKnown(code)) {
            throw new InvalidFieldsException(field, unknownMessage());
        }
    }

    public String unknownMessage() {
        return "must be one of " + String.join(", ", new java.util.TreeSet<>(codes));
    }

    public Set<String> codes() {
        return codes;
    }
}
