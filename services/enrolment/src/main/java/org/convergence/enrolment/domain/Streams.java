package org.convergence.enrolment.domain;

/**
 * Event-store stream ids: the aggregate kind prefixes the business id, so a territory and a chantier that
 * happen to share a slug never share a stream.
 */
public final class Streams {

    private Streams() {
    }

    public static String territory(String territoryId) {
        return "territory:" + territoryId;
    }

    public static String chantier(String chantierId) {
        return "chantier:" + chantierId;
    }

    public static String participant(String participantId) {
        return "participant:" + participantId;
    }

    public static String pathway(String pathwayId) {
        return "pathway:" + pathwayId;
    }
}
