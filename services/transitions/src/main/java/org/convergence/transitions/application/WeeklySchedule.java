package org.convergence.transitions.application;

import java.util.Optional;

/**
 * The hours service, holder of every pathway's combined weekly schedule (ADR 0020), as this service reaches it.
 * Idempotent by key: the same key and change answer the same; the same key with another change throws
 * {@link KeyAlreadyUsedException}. A change that would take a week above 35 hours throws the hours service's
 * refusal, {@code WEEKLY_LIMIT_35}, which this service answers as its own.
 */
public interface WeeklySchedule {

    ScheduleChange.Accepted change(String pathwayId, String key, ScheduleChange change);

    /** What hours accepted under this key, if anything: how this service heals after a crash. */
    Optional<ScheduleChange.Accepted> accepted(String pathwayId, String key);

    /** The key was used for another change, accepted by hours but not recorded here (a crash in between). */
    final class KeyAlreadyUsedException extends RuntimeException {
        public KeyAlreadyUsedException(String key) {
            super("Schedule key " + key + " was used for another change");
        }
    }
}
