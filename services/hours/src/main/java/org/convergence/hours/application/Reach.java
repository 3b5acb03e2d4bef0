package org.convergence.hours.application;

/**
 * What the actor behind a use case may reach, as its door knows it: a token's scope for REST. Use cases ask; doors
 * answer with their own refusals.
 */
public interface Reach {

    /** Throws when the actor may not read or record the hours of this chantier's pathways. */
    void requireChantier(String territoryId, String chantierId);

    /**
     * What to throw for a pathway this service does not know: a scoped actor gets the same refusal as for one outside
     * its scope, so it cannot probe; others learn the rule.
     */
    RuntimeException unknownPathway(String pathwayId);

    /** What to throw for a chantier this service does not know, under the same rule. */
    RuntimeException unknownChantier(String chantierId);
}
