package org.convergence.transitions.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.convergence.contracts.input.Identifiers;
import org.convergence.platform.input.PlausibleDate;
import org.convergence.platform.input.Text;

import java.time.LocalDate;
import java.util.UUID;

/**
 * Request bodies of the transitions API, read strictly like every door's. No CV, interview or selection field: a
 * transition is a schedule, meetings and an outcome. Weekly hours are whole hours (0 to 35); whether a week stays at
 * or under 35 with the chantier's hours is the hours service's rule (WEEKLY_LIMIT_35).
 */
public final class Requests {

    /** The date window of every transition fact: {@code convergence.input.dates.transitions.*}. */
    public static final String DATES = "transitions";

    private Requests() {
    }

    public record RegisterEmployer(
            @NotNull @Pattern(regexp = Identifiers.SLUG, message = Identifiers.SLUG_MESSAGE) String employerId,
            @NotNull @Text @Size(max = 200) String name) {
    }

    public record RegisterStore(
            @NotNull @Pattern(regexp = Identifiers.SLUG, message = Identifiers.SLUG_MESSAGE) String storeId,
            @NotNull @Text @Size(max = 200) String name,
            @NotNull @Pattern(regexp = Identifiers.SLUG, message = Identifiers.SLUG_MESSAGE) String territoryId) {
    }

    /**
     * @param transitionId  chosen by the caller, so a retried request cannot start twice
     * @param storeHours    the store's hours a week at the start; the configured two half-days if absent
     * @param chantierHours the chantier's hours a week from the start
     */
    public record Start(
            @NotNull UUID transitionId,
            @NotNull UUID pathwayId,
            @NotNull @Pattern(regexp = Identifiers.SLUG, message = Identifiers.SLUG_MESSAGE) String employerId,
            @NotNull @Pattern(regexp = Identifiers.SLUG, message = Identifiers.SLUG_MESSAGE) String storeId,
            @NotNull @PlausibleDate(DATES) LocalDate startedOn,
            @Min(1) @Max(35) Integer storeHours,
            @NotNull @Min(0) @Max(35) Integer chantierHours) {
    }

    public record Step(
            @NotNull @PlausibleDate(DATES) LocalDate steppedOn,
            @NotNull @Min(1) @Max(35) Integer storeHours,
            @NotNull @Min(0) @Max(35) Integer chantierHours) {
    }

    public record Meeting(@NotNull @PlausibleDate(DATES) LocalDate heldOn) {
    }

    public record Completion(@NotNull @PlausibleDate(DATES) LocalDate completedOn) {
    }

    public record Interruption(@NotNull @PlausibleDate(DATES) LocalDate interruptedOn) {
    }

    public record Abandonment(@NotNull @PlausibleDate(DATES) LocalDate abandonedOn) {
    }
}
