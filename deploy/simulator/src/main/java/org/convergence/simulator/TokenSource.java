package org.convergence.simulator;

import java.util.Map;

/** Signs a bearer token for a role and its scope claims ({@code territory}, {@code chantier}). */
@FunctionalInterface
public interface TokenSource {

    String token(String role, Map<String, String> claims);
}
