package org.convergence.platform.programs;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProgramTest {

    private static final Program CONVERGENCE = new Program("CONVERGENCE",
            new Program.WeeklyHours(20, 35, 26, List.of(), Optional.of(4), Optional.of("PREMIERES_HEURES")),
            Optional.of(60), 3, new Program.FollowUp(12, List.of(1, 3, 6, 12), 0));

    @Test
    void a_pathway_may_run_until_the_day_its_maximum_duration_ends() {
        assertEquals(Optional.of(LocalDate.of(2025, 3, 15)), CONVERGENCE.durationLimit(LocalDate.of(2020, 3, 15)));
        assertEquals(Optional.of(LocalDate.of(2024, 12, 15)), CONVERGENCE.limitWarningFrom(LocalDate.of(2020, 3, 15)));
    }

    @Test
    void the_follow_up_closes_on_the_day_its_length_after_the_exit() {
        LocalDate exit = LocalDate.of(2021, 1, 31);
        assertEquals(LocalDate.of(2022, 1, 31), CONVERGENCE.followUp().closesOn(exit));
        assertTrue(CONVERGENCE.followUp().isOpenOn(exit, LocalDate.of(2022, 1, 31)));
        assertFalse(CONVERGENCE.followUp().isOpenOn(exit, LocalDate.of(2022, 2, 1)));
        assertFalse(CONVERGENCE.followUp().isOpenOn(exit, LocalDate.of(2021, 1, 30)));
    }

    @Test
    void a_grace_keeps_the_follow_up_open_longer() {
        Program.FollowUp withGrace = new Program.FollowUp(12, List.of(1, 3, 6, 12), 1);
        assertEquals(LocalDate.of(2022, 2, 28), withGrace.closesOn(LocalDate.of(2021, 1, 31)));
    }

    @Test
    void a_chantier_carrying_premieres_heures_may_sign_a_cddi_from_the_reduced_minimum() {
        assertEquals(4, CONVERGENCE.weeklyHours().minAt(Set.of("CONVERGENCE", "PREMIERES_HEURES")));
        assertEquals(20, CONVERGENCE.weeklyHours().minAt(Set.of("CONVERGENCE")));
    }

    @Test
    void the_next_step_is_the_first_rung_of_the_ladder_above_the_contract() {
        Program.WeeklyHours ph = new Program.WeeklyHours(4, 20, 4, List.of(4, 6, 8), Optional.empty(),
                Optional.empty());
        assertEquals(Optional.of(6), ph.nextStepAbove(4));
        assertEquals(Optional.of(8), ph.nextStepAbove(7));
        assertEquals(Optional.empty(), ph.nextStepAbove(8));
    }

    @Test
    void inconsistent_settings_are_refused_when_the_catalogue_is_built() {
        assertThrows(IllegalArgumentException.class, () -> new Program.WeeklyHours(4, 20, 26, List.of(),
                Optional.empty(), Optional.empty()));
        assertThrows(IllegalArgumentException.class, () -> new Program.WeeklyHours(4, 20, 4, List.of(6, 4),
                Optional.empty(), Optional.empty()));
        assertThrows(IllegalArgumentException.class, () -> new Program.FollowUp(12, List.of(1, 13), 0));
        assertThrows(IllegalArgumentException.class, () -> new Program("petits-pas", CONVERGENCE.weeklyHours(),
                Optional.empty(), 0, Program.FollowUp.NONE));
        assertThrows(IllegalArgumentException.class, () -> new ProgramCatalog(List.of(CONVERGENCE, CONVERGENCE)));
    }
}
