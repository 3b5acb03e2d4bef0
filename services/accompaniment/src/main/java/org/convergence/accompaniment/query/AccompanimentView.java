package org.convergence.accompaniment.query;

import org.convergence.accompaniment.domain.BarrierCategory;
import org.convergence.accompaniment.domain.BarrierStatus;
import org.convergence.accompaniment.domain.HealthRightsKind;
import org.convergence.accompaniment.domain.HousingSituation;

import java.time.LocalDate;
import java.util.List;

/**
 * A pathway's accompaniment as its chantier sees it: pseudonymous ids, categories, statuses and dates, each change
 * with who recorded it. No health detail exists to show.
 *
 * @param assessment null while the entry assessment is missing
 */
public record AccompanimentView(String pathwayId, String participantId, Assessment assessment,
                                List<Barrier> barriers, List<HealthRightsOpening> healthRights) {

    public record Assessment(LocalDate assessedOn, HousingSituation housingAtEntry, List<BarrierCategory> barriers,
                             String recordedBy) {
    }

    /** A barrier's current status and its whole dated history, oldest first. */
    public record Barrier(BarrierCategory category, BarrierStatus status, LocalDate since, List<Change> history) {
    }

    public record Change(BarrierStatus status, LocalDate on, String recordedBy) {
    }

    public record HealthRightsOpening(HealthRightsKind kind, LocalDate openedOn, String recordedBy) {
    }
}
