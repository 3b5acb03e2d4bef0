package org.convergence.hours.query;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A pathway's contracted weekly hours: those in force today (the program's default before any decision), the next
 * step of the program's usual ladder, and every decision in date order (a decision replaced by a later one of the
 * same date is listed with it: the history keeps both).
 */
public record ContractView(String pathwayId, String program, int weeklyHoursToday, boolean programDefault,
                           int defaultHours, Integer nextLadderStep, List<Decision> decisions) {

    public record Decision(LocalDate effectiveOn, int weeklyHours, Integer previousWeeklyHours, String reason,
                           String decidedBy, Instant recordedAt) {
    }
}
