package org.convergence.accompaniment.api;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.convergence.accompaniment.domain.BarrierCategory;
import org.convergence.accompaniment.domain.BarrierStatus;
import org.convergence.accompaniment.domain.HealthRightsKind;
import org.convergence.accompaniment.domain.HousingSituation;
import org.convergence.platform.input.PlausibleDate;

import java.time.LocalDate;
import java.util.List;

/**
 * Request bodies of the accompaniment API, read strictly like every door's. Health is special-category data (GDPR
 * art. 9): there is no free-text field at all, only categories, statuses and dates, each date within the
 * {@code accompaniment} window (1990-01-01 … today).
 */
public final class Requests {

    /** The date window of every accompaniment fact: {@code convergence.input.dates.accompaniment.*}. */
    public static final String ACCOMPANIMENT_DATES = "accompaniment";

    private Requests() {
    }

    /** @param barriers the barrier categories identified at entry, each once (possibly none) */
    public record RecordAssessment(
            @NotNull @PlausibleDate(ACCOMPANIMENT_DATES) LocalDate assessedOn,
            @NotNull HousingSituation housingAtEntry,
            @NotNull @Size(max = 8) List<@NotNull BarrierCategory> barriers) {
    }

    public record ChangeBarrierStatus(
            @NotNull BarrierCategory category,
            @NotNull BarrierStatus status,
            @NotNull @PlausibleDate(ACCOMPANIMENT_DATES) LocalDate changedOn) {
    }

    public record RecordHealthRightsOpening(
            @NotNull HealthRightsKind kind,
            @NotNull @PlausibleDate(ACCOMPANIMENT_DATES) LocalDate openedOn) {
    }
}
