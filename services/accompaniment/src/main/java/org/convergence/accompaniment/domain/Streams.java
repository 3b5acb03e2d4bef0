package org.convergence.accompaniment.domain;

/** Event-store stream ids of this service: the kind prefixes the business id. */
public final class Streams {

    private Streams() {
    }

    /** The accompaniment of one pathway (its assessment, barriers, health-rights openings). */
    public static String accompaniment(String pathwayId) {
        return "accompaniment:" + pathwayId;
    }

    /** A chantier's collective support sessions. */
    public static String supportSessions(String chantierId) {
        return "support-sessions:" + chantierId;
    }

    /** A territory's partner directory. */
    public static String partners(String territoryId) {
        return "partners:" + territoryId;
    }

    /** The referrals addressed to one partner of a territory: the partner's inbox, read and answered as one. */
    public static String referrals(String territoryId, String partnerId) {
        return "referrals:" + territoryId + ":" + partnerId;
    }
}
