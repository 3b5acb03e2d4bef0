package org.convergence.reporting.search;

/**
 * Where a pathway stands on a day: running, ended with its program's follow-up still open (Convergence: up to and
 * including the day 12 months after the exit, plus the configured grace), or ended. Derived from the dates when
 * asked, never stored, so it moves by itself with time.
 */
public enum PathwayStatus {
    ACTIVE,
    IN_FOLLOW_UP,
    ENDED
}
