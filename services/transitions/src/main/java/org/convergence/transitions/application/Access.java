package org.convergence.transitions.application;

import java.util.Optional;

/**
 * What the caller reaches, as its door knows it from the token: the chantier side (national team, the territory's
 * coordinator, the chantier's staff) records and reads the transitions of its pathways; an employer's staff read and
 * follow their own employer's transitions, nothing else.
 */
public interface Access {

    boolean reachesChantier(String territoryId, String chantierId);

    boolean reachesTerritory(String territoryId);

    boolean isNational();

    /** The employer an employer's token names; empty for anyone else. */
    Optional<String> employer();

    /** The refusal of anything out of reach, the same whatever the reason. */
    RuntimeException denied();

    /** What to answer for something that does not exist: 404 for the national team, the same 403 for others. */
    RuntimeException missing(String what);
}
