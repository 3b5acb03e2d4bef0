package org.convergence.hours.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.convergence.contracts.WireFormats;
import org.convergence.contracts.input.DateWindows;
import org.convergence.hours.domain.AbsenceMinutes;
import org.convergence.hours.domain.DecisionReason;
import org.convergence.platform.input.PlausibleDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Request bodies of the hours API, read strictly like every door's. The bounds of a contract come from the program
 * catalogue and the limits of a week are rules: both are checked by the aggregates, which name the rule they apply
 * (a batch line answers with its own problem, the others are recorded).
 */
public final class Requests {

    /** Upper bound of a week's lines in one request: a chantier's participants, with room. */
    public static final int MAX_LINES = 1_000;

    private Requests() {
    }

    /**
     * @param effectiveOn the first day of the contract; within the pathway, not in the future
     * @param weeklyHours within the program's bounds (Premières Heures 4 to 20; a Convergence CDDI 20 to 35, from
     *                    4 at a chantier that also carries Premières Heures)
     */
    public record Decide(
            @NotNull @PlausibleDate(DateWindows.DECISION) LocalDate effectiveOn,
            @NotNull Integer weeklyHours,
            @NotNull DecisionReason reason) {
    }

    public record Timesheet(@NotEmpty @Size(max = MAX_LINES) List<@Valid @NotNull Line> lines) {
    }

    /**
     * One pathway's week: minutes worked and absent by kind. Negative minutes, or more than 60 hours in the week, are
     * refused with the rule's code on this line alone.
     */
    public record Line(
            @NotNull UUID pathwayId,
            @NotNull @Pattern(regexp = WireFormats.ISO_WEEK, message = "must be an ISO week written YYYY-Www")
            @Schema(pattern = WireFormats.ISO_WEEK, example = "2020-W05") String week,
            @NotNull Integer minutesWorked,
            @Valid Absences absences) {
    }

    public record Absences(
            Integer sickLeave,
            Integer authorised,
            Integer unjustified,
            Integer training) {

        AbsenceMinutes minutes() {
            return new AbsenceMinutes(orZero(sickLeave), orZero(authorised), orZero(unjustified), orZero(training));
        }

        private static int orZero(Integer minutes) {
            return minutes == null ? 0 : minutes;
        }
    }
}
