package org.convergence.hours.domain;

/**
 * Why contracted weekly hours changed: a category, never a detail (a health reason is {@link #HEALTH}, nothing
 * more, as DOMAIN.md asks of special-category data).
 */
public enum DecisionReason {
    /** The contract at the start of the pathway. */
    CONTRACT_START,
    /** The next step of the program's usual ladder (Premières Heures: 4, 6, 8). */
    LADDER_STEP,
    HEALTH,
    PARTICIPANT_WISH,
    EMPLOYER_TRANSITION,
    OTHER
}
