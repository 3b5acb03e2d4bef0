package org.convergence.reporting.figures;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * What the housing and health figures need of one pathway's accompaniment: when it was assessed (null while its
 * assessment is missing), whether a housing barrier was identified at entry, that barrier's dated status changes in the order they were recorded, and the dates health rights were
 * opened.
 */
public record AccompanimentRecord(String pathwayId, String participantId, LocalDate assessedOn,
                                  boolean housingBarrierAtEntry, List<StatusChange> housing,
                                  List<LocalDate> healthRightsOpenings) {

    public record StatusChange(LocalDate on, String status) {
    }

    public AccompanimentRecord {
        housing = List.copyOf(housing);
        healthRightsOpenings = List.copyOf(healthRightsOpenings);
    }

    /**
     * The housing barrier's status on a day: that of its last change dated on or before it (of two changes on one
     * day, the later recorded), or empty if it had none by then.
     */
    public Optional<String> housingStatusOn(LocalDate day) {
        StatusChange current = null;
        for (StatusChange change : housing) {
            if (!change.on().isAfter(day) && (current == null || !change.on().isBefore(current.on()))) {
                current = change;
            }
        }
        return Optional.ofNullable(current).map(StatusChange::status);
    }
}
