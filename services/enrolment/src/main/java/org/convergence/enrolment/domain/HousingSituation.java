package org.convergence.enrolment.domain;

/** Housing situation at entry or exit (DOMAIN.md). */
public enum HousingSituation {
    STREET,
    EMERGENCY_SHELTER,
    COLLECTIVE_SHELTER,
    SUBSTANDARD_HOUSING,
    HOSTED_BY_THIRD_PARTY,
    TEMPORARY_HOUSING,
    SOCIAL_HOUSING,
    PRIVATE_HOUSING
}
