package org.convergence.reporting.search;

/**
 * Where a pathway stands on a day: running, ended with its Convergence follow-up still open (12 months after the
 * exit), or ended. Derived from the dates when asked, never stored, so it moves by itself with time.
 */
public enum PathwayStatus {
    ACTIVE,
    IN_FOLLOW_UP,
    ENDED
}
