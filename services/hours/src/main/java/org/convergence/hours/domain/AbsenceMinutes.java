package org.convergence.hours.domain;

/** Minutes absent in one week, by kind. */
public record AbsenceMinutes(int sickLeave, int authorised, int unjustified, int training) {

    public static final AbsenceMinutes NONE = new AbsenceMinutes(0, 0, 0, 0);

    public long total() {
        return (long) sickLeave + authorised + unjustified + training;
    }

    boolean anyNegative() {
        return sickLeave < 0 || authorised < 0 || unjustified < 0 || training < 0;
    }
}
