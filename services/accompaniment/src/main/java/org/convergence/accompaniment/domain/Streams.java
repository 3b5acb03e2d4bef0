package org.convergence.accompaniment.domain;

/** Event-store stream ids of this service: the kind prefixes the business id. */
public final class Streams {

    private Streams() {
    }

    /** The accompaniment of one pathway (its assessment, barriers, health-rights openings). */
    public static String accompaniment(String pathwayId) {
        return "accompaniment:" + pathwayId;
    }
}
