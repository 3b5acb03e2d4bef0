package org.convergence.hours.domain;

import java.time.LocalDate;
import java.util.Map;

/**
 * When a Premières Heures participant is ready to step up (DOMAIN.md, project decision): they worked at least
 * {@code percentOfContract} % of their contracted hours {@code weeksInARow} ISO weeks in a row. The weeks counted
 * are the latest recorded ones, consecutive, and all under the contract in force now: a new decision (a step up
 * taken from the list, or any other) starts the count again, so it removes the participant from the list.
 */
public record StepUpRule(int weeksInARow, int percentOfContract) {

    public StepUpRule {
        if (weeksInARow < 1 || percentOfContract < 1 || percentOfContract > 100) {
            throw new IllegalArgumentException("A step-up rule needs at least one week and a share in 1..100 %");
        }
    }

    /**
     * The number of consecutive ISO weeks, ending at the latest recorded week, in which the participant worked at
     * least the rule's share of {@code weeklyHours}, counting only weeks that start on or after {@code contractFrom}
     * (null: the program's default contract, in force since the entry).
     */
    public int streak(Map<IsoWeek, Integer> minutesWorked, int weeklyHours, LocalDate contractFrom) {
        IsoWeek week = minutesWorked.keySet().stream().max(IsoWeek::compareTo).orElse(null);
        int streak = 0;
        while (week != null && minutesWorked.containsKey(week)
                && (contractFrom == null || !week.monday().isBefore(contractFrom))
                && 100L * minutesWorked.get(week) >= (long) percentOfContract * weeklyHours * 60) {
            streak++;
            week = IsoWeek.of(week.monday().minusWeeks(1));
        }
        return streak;
    }

    public boolean isReady(int streak) {
        return streak >= weeksInARow;
    }
}
