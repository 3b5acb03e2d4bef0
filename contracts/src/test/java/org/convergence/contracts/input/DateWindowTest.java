package org.convergence.contracts.input;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DateWindowTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 30);

    @Test
    void a_window_between_a_fixed_day_and_today_includes_both_ends() {
        DateWindow pathway = DateWindow.of("1990-01-01", "today");
        assertTrue(pathway.contains(LocalDate.of(1990, 1, 1), TODAY));
        assertTrue(pathway.contains(TODAY, TODAY));
        assertFalse(pathway.contains(LocalDate.of(1989, 12, 31), TODAY));
        assertFalse(pathway.contains(TODAY.plusDays(1), TODAY));
        assertEquals("must be between 1990-01-01 and 2026-11-30", pathway.message(TODAY));
    }

    @Test
    void a_birth_window_relative_to_today_gives_an_age_between_15_and_100() {
        DateWindow birth = DateWindow.of("today-100y", "today-15y");
        assertTrue(birth.contains(LocalDate.of(2011, 11, 30), TODAY), "15 today");
        assertFalse(birth.contains(LocalDate.of(2011, 12, 1), TODAY), "15 tomorrow");
        assertTrue(birth.contains(LocalDate.of(1926, 11, 30), TODAY), "100 today");
        assertFalse(birth.contains(LocalDate.of(1926, 11, 29), TODAY), "past 100");
        assertFalse(birth.contains(LocalDate.of(0, 1, 1), TODAY));
    }

    @Test
    void a_window_may_reach_ahead_of_today() {
        DateWindow programStart = DateWindow.of("1990-01-01", "today+1y");
        assertTrue(programStart.contains(LocalDate.of(2027, 11, 30), TODAY));
        assertFalse(programStart.contains(LocalDate.of(9999, 12, 31), TODAY));
        assertEquals(LocalDate.of(2026, 12, 30), DateWindow.of("today", "today+30d").latest(TODAY));
        assertEquals(LocalDate.of(2026, 5, 30), DateWindow.of("today-6m", "today").earliest(TODAY));
    }

    @Test
    void an_end_that_is_neither_a_day_nor_relative_to_today_is_a_configuration_error() {
        assertThrows(IllegalArgumentException.class, () -> DateWindow.of("yesterday", "today"));
        assertThrows(IllegalArgumentException.class, () -> DateWindow.of("1990-1-1", "today"));
        assertThrows(IllegalArgumentException.class, () -> DateWindow.of("today+1w", "today"));
    }

    @Test
    void windows_are_found_by_kind_and_an_unknown_kind_is_a_programming_error() {
        DateWindows windows = new DateWindows(Map.of(DateWindows.PATHWAY, DateWindow.of("1990-01-01", "today")));
        assertEquals(Optional.empty(), windows.problem(DateWindows.PATHWAY, LocalDate.of(2000, 1, 1), TODAY));
        assertEquals(Optional.of("must be between 1990-01-01 and 2026-11-30"),
                windows.problem(DateWindows.PATHWAY, LocalDate.of(1900, 1, 1), TODAY));
        assertThrows(IllegalStateException.class, () -> windows.of("nothing"));
    }
}
