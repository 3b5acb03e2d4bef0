package org.convergence.accompaniment.domain;

/** Obstacles to insertion (freins), as DOMAIN.md lists them: a category, never a description. */
public enum BarrierCategory {
    HOUSING, HEALTH, MOBILITY, LANGUAGE, PSYCHOLOGICAL, ADMINISTRATIVE, FINANCIAL, OTHER
}
