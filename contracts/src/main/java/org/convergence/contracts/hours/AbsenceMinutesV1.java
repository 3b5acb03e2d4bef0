package org.convergence.contracts.hours;

/** Minutes of absence in one ISO week, by kind (no health detail: a sick leave is a kind, never a cause). */
public record AbsenceMinutesV1(int sickLeave, int authorised, int unjustified, int training) {
}
