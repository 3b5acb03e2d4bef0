package org.convergence.enrolment.domain;

/** How far a program has come in a territory: committed to, then running with its organisation validated. */
public enum DeploymentStatus {
    ENGAGED,
    OPERATIONAL
}
