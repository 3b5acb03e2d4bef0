package org.convergence.enrolment.domain;

import java.time.LocalDate;

/** A program a chantier carries, and the date it started carrying it. */
public record ProgramStart(String program, LocalDate since) {
}
