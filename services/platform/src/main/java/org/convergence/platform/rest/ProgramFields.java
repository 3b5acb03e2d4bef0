package org.convergence.platform.rest;

import org.convergence.platform.programs.ProgramCatalog;

/** Refuses a program code the catalogue does not know as a bad value of the request field that carries it. */
public final class ProgramFields {

    private ProgramFields() {
    }

    public static void requireKnown(ProgramCatalog catalog, String field, String code) {
        if (!catalog.isKnown(code)) {
            throw new InvalidFieldsException(field, catalog.unknownMessage());
        }
    }
}
