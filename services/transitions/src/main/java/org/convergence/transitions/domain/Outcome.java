package org.convergence.transitions.domain;

/** How a transition ended (DOMAIN.md, employer transitions). */
public enum Outcome {
    /** Full time in the store, in CDI: the pathway exits in durable employment (enrolment reacts). */
    COMPLETED,
    /** Back to the chantier: no store hours, the chantier hours of the contract before the transition. */
    INTERRUPTED,
    /** The participant gave up the transition; the pathway goes on at the chantier, as after an interruption. */
    ABANDONED
}
