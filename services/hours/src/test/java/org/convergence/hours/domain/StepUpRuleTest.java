package org.convergence.hours.domain;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The step-up rule: the share of the contract, weeks in a row ending at the latest week, under the current contract. */
class StepUpRuleTest {

    private static final StepUpRule RULE = new StepUpRule(4, 90);

    private static Map<IsoWeek, Integer> weeks(int firstWeek, int... minutes) {
        Map<IsoWeek, Integer> weeks = new HashMap<>();
        for (int i = 0; i < minutes.length; i++) {
            weeks.put(new IsoWeek(2020, firstWeek + i), minutes[i]);
        }
        return weeks;
    }

    @Test
    void exactlyNinetyPercentOfTheContractFourWeeksInARowIsReady() {
        int streak = RULE.streak(weeks(2, 216, 216, 216, 216), 4, null);
        assertEquals(4, streak);
        assertTrue(RULE.isReady(streak));
    }

    @Test
    void aWeekJustBelowTheShareEndsTheStreak() {
        assertEquals(2, RULE.streak(weeks(2, 240, 240, 215, 240, 240), 4, null));
        assertFalse(RULE.isReady(3));
    }

    @Test
    void onlyTheStreakEndingAtTheLatestRecordedWeekCounts() {
        assertEquals(0, RULE.streak(weeks(2, 240, 240, 240, 240, 100), 4, null));
    }

    @Test
    void aWeekWithoutFiguresBreaksTheStreak() {
        Map<IsoWeek, Integer> weeks = weeks(2, 240, 240);
        weeks.putAll(weeks(5, 240, 240));
        assertEquals(2, RULE.streak(weeks, 4, null));
    }

    @Test
    void onlyWeeksStartingOnOrAfterTheContractInForceCount() {
        LocalDate w04 = new IsoWeek(2020, 4).monday();
        assertEquals(3, RULE.streak(weeks(2, 400, 400, 400, 400, 400), 6, w04));
        assertEquals(2, RULE.streak(weeks(2, 400, 400, 400, 400, 400), 6, w04.plusDays(1)));
    }

    @Test
    void theStreakCrossesTheTurnOfTheYear() {
        Map<IsoWeek, Integer> weeks = new HashMap<>();
        weeks.put(new IsoWeek(2020, 52), 240);
        weeks.put(new IsoWeek(2020, 53), 240);
        weeks.put(new IsoWeek(2021, 1), 240);
        weeks.put(new IsoWeek(2021, 2), 240);
        assertEquals(4, RULE.streak(weeks, 4, null));
    }
}
