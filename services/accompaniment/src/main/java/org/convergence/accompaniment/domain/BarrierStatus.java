package org.convergence.accompaniment.domain;

import java.util.Map;
import java.util.Set;

/** Where a barrier stands: {@code IDENTIFIED → IN_PROGRESS → RESOLVED}, or back to {@code IDENTIFIED}. */
public enum BarrierStatus {
    IDENTIFIED, IN_PROGRESS, RESOLVED;

    private static final Map<BarrierStatus, Set<BarrierStatus>> NEXT = Map.of(
            IDENTIFIED, Set.of(IN_PROGRESS),
            IN_PROGRESS, Set.of(RESOLVED, IDENTIFIED),
            RESOLVED, Set.of(IDENTIFIED));

    /** Whether a barrier in this status may move to {@code next} in one step. */
    public boolean mayBecome(BarrierStatus next) {
        return NEXT.get(this).contains(next);
    }
}
