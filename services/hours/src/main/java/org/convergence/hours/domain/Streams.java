package org.convergence.hours.domain;

/**
 * Event-store stream ids of the hours context (ADR 0016). A pathway's contract is one short stream (a few decisions
 * in a pathway's life); its hours are one stream per ISO week, so recording a week loads that week alone, whatever
 * the length of the pathway's history, and the streams of a batch of weeks are appended together.
 */
public final class Streams {

    private Streams() {
    }

    public static String contract(String pathwayId) {
        return "hours-contract:" + pathwayId;
    }

    public static String week(String pathwayId, IsoWeek week) {
        return "hours-week:" + pathwayId + ":" + week;
    }
}
