package org.convergence.enrolment.domain;

/** Whether a territory is urban or less dense (Charente), which changes how chantiers are organised. */
public enum DensityKind {
    URBAN,
    LESS_DENSE
}
