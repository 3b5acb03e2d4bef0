package org.convergence.accompaniment.domain;

/** Health rights opened: PUMa, complémentaire santé solidaire, AME, or another scheme. The kind only. */
public enum HealthRightsKind {
    PUMA, CSS, AME, OTHER
}
