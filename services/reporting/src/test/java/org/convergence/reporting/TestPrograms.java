package org.convergence.reporting;

import org.convergence.platform.programs.Program;
import org.convergence.platform.programs.ProgramCatalog;

import java.util.List;
import java.util.Optional;

/** The founding programs as the platform's default configuration describes them, for tests outside Quarkus. */
public final class TestPrograms {

    private TestPrograms() {
    }

    public static ProgramCatalog catalog() {
        return catalog(0);
    }

    /** With a grace of that many months after the follow-up's 12. */
    public static ProgramCatalog catalog(int followUpGraceMonths) {
        return new ProgramCatalog(List.of(
                new Program(ProgramCatalog.PREMIERES_HEURES, new Program.WeeklyHours(4, 20, 4, List.of(4, 6, 8),
                        Optional.empty(), Optional.empty()), Optional.empty(), 0, Program.FollowUp.NONE),
                new Program(ProgramCatalog.CONVERGENCE, new Program.WeeklyHours(20, 35, 26, List.of(), Optional.of(4),
                        Optional.of(ProgramCatalog.PREMIERES_HEURES)), Optional.of(60), 3,
                        new Program.FollowUp(12, List.of(1, 3, 6, 12), followUpGraceMonths))));
    }
}
