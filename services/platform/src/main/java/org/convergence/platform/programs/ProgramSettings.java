package org.convergence.platform.programs;

import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

import java.util.List;
import java.util.Optional;

/**
 * How one program is configured, under {@code convergence.programs.<CODE>}; the founding programs' defaults are in
 * the platform's {@code microprofile-config.properties}. Turned into a {@link Program} by {@link ProgramCatalogProducer}.
 */
public interface ProgramSettings {

    WeeklyHoursSettings weeklyHours();

    Optional<Integer> maxDurationMonths();

    @WithDefault("0")
    int limitWarningMonths();

    FollowUpSettings followUp();

    interface WeeklyHoursSettings {
        int min();

        int max();

        @WithName("default")
        int defaultHours();

        Optional<List<Integer>> ladder();

        Optional<Integer> reducedMin();

        Optional<String> reducedMinIfChantierCarries();
    }

    interface FollowUpSettings {
        @WithDefault("0")
        int months();

        Optional<List<Integer>> milestones();

        @WithDefault("0")
        int graceMonths();
    }

    default Program toProgram(String code) {
        WeeklyHoursSettings hours = weeklyHours();
        FollowUpSettings followUp = followUp();
        return new Program(code,
                new Program.WeeklyHours(hours.min(), hours.max(), hours.defaultHours(),
                        hours.ladder().orElse(List.of()), hours.reducedMin(), hours.reducedMinIfChantierCarries()),
                maxDurationMonths(), limitWarningMonths(),
                followUp.months() == 0 ? Program.FollowUp.NONE
                        : new Program.FollowUp(followUp.months(), followUp.milestones().orElse(List.of()),
                        followUp.graceMonths()));
    }
}
