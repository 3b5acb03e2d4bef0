package org.convergence.enrolment.importing;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * What an import did: lines stored, lines already stored by an earlier run (unchanged), and refused lines with
 * the reason, numbered from 1 as in the file.
 */
public record ImportReport(int accepted, int alreadyImported, List<Rejected> rejected) {

    /** A refused line; {@code code} names the business rule that refused it, as in a 422 answer (ADR 0006). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Rejected(int line, String reason, String code) {

        public Rejected(int line, String reason) {
            this(line, reason, null);
        }
    }
}
