package org.convergence.accompaniment.domain;

/** Housing situation at entry (DOMAIN.md), from the street to one's own home. */
public enum HousingSituation {
    STREET, EMERGENCY_SHELTER, COLLECTIVE_SHELTER, SUBSTANDARD_HOUSING, HOSTED_BY_THIRD_PARTY, TEMPORARY_HOUSING,
    SOCIAL_HOUSING, PRIVATE_HOUSING
}
