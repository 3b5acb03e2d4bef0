package org.convergence.enrolment.importing;

import java.util.List;

/**
 * What an import did: lines stored, lines already stored by an earlier run (unchanged), and refused lines with
 * the reason, numbered from 1 as in the file.
 */
public record ImportReport(int accepted, int alreadyImported, List<Rejected> rejected) {

    public record Rejected(int line, String reason) {
    }
}
