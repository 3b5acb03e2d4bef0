package org.convergence.hours.domain;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class IsoWeekTest {

    @Test
    void anIsoWeekRunsFromMondayToSundayAndTheFirstHoldsTheYearsFirstThursday() {
        IsoWeek week = IsoWeek.parse("2020-W01").orElseThrow();
        assertEquals(LocalDate.of(2019, 12, 30), week.monday());
        assertEquals(LocalDate.of(2020, 1, 5), week.sunday());
        assertEquals(week, IsoWeek.of(LocalDate.of(2019, 12, 31)));
        assertEquals("2021-W01", IsoWeek.parse("2020-W53").orElseThrow().next().toString());
    }

    @Test
    void weekFiftyThreeExistsOnlyInTheYearsThatHaveOne() {
        assertEquals(Optional.empty(), IsoWeek.parse("2021-W53"));
        assertEquals(LocalDate.of(2020, 12, 28), IsoWeek.parse("2020-W53").orElseThrow().monday());
        assertEquals(Optional.empty(), IsoWeek.parse("2020-W00"));
        assertEquals(Optional.empty(), IsoWeek.parse("2020-5"));
    }

    @Test
    void aWeekIsWrittenWithAFourDigitYearAndATwoDigitWeekWhateverTheirSize() {
        for (int year : new int[]{1, 9, 10, 99, 100, 999, 1_000, 2_020, 9_999}) {
            for (int week = 1; week <= 52; week++) {
                assertEquals(String.format("%04d-W%02d", year, week), new IsoWeek(year, week).toString());
            }
        }
        assertEquals("2020-W53", new IsoWeek(2020, 53).toString());
        assertEquals(Optional.of(new IsoWeek(2026, 7)), IsoWeek.parse(new IsoWeek(2026, 7).toString()));
    }
}
