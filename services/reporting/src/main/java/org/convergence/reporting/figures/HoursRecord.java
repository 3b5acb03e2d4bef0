package org.convergence.reporting.figures;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * What the hours figures need of one pathway's hours facts: its program, its contract decisions in the order they
 * were recorded, and its minutes worked per ISO week ({@code YYYY-Www}), corrections applied.
 */
public record HoursRecord(String pathwayId, String participantId, String program, String chantierId,
                          List<Decision> decisions, Map<String, Integer> minutesByWeek) {

    /** A contract decision: weekly hours from a day, and why ({@code LADDER_STEP}, {@code HEALTH}...). */
    public record Decision(LocalDate from, int weeklyHours, String reason) {
    }

    public HoursRecord {
        decisions = List.copyOf(decisions);
        minutesByWeek = Map.copyOf(minutesByWeek);
    }

    /** The weekly hours decided for a day: the last decision from on or before it; empty before any decision. */
    public OptionalInt weeklyHoursOn(LocalDate day) {
        Decision inForce = null;
        for (Decision decision : decisions) {
            if (!decision.from().isAfter(day) && (inForce == null || !decision.from().isBefore(inForce.from()))) {
                inForce = decision;
            }
        }
        return inForce == null ? OptionalInt.empty() : OptionalInt.of(inForce.weeklyHours());
    }
}
