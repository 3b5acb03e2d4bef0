package org.convergence.contracts;

/** Marker of integration event payloads: small immutable records with pseudonymous ids only. */
public interface IntegrationPayload {
}
