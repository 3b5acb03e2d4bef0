package org.convergence.enrolment.application;

/**
 * What the actor behind a use case may reach, as the door that took the request knows it: a token's scope for
 * REST and the import, a chantier software's own chantier for a Kafka door. Use cases ask; doors answer.
 */
public interface Access {

    /** Throws when the actor may not read or record the pathways of this chantier. */
    void requireChantier(String territoryId, String chantierId);

    /**
     * What to throw for a chantier or pathway that does not exist: a scoped actor gets the same refusal as for one
     * outside its scope, so it cannot probe.
     */
    RuntimeException missing(String what);
}
