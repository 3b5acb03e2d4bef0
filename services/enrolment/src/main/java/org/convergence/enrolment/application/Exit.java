package org.convergence.enrolment.application;

import org.convergence.enrolment.domain.ExitCategory;
import org.convergence.enrolment.domain.HousingSituation;

import java.time.LocalDate;

/** The end of a pathway: its date, its DGEFP category (unknown in some old records) and the housing at exit. */
public record Exit(LocalDate date, ExitCategory category, HousingSituation housingAtExit) {
}
