package org.convergence.transitions.domain;

/**
 * Event-store stream ids of the transitions context. A pathway's transitions are one stream (at most one open at a
 * time, a handful in a pathway's life), so "one open transition per pathway" is one optimistic lock; an employer and
 * its stores are another.
 */
public final class Streams {

    private Streams() {
    }

    public static String transitions(String pathwayId) {
        return "transitions:" + pathwayId;
    }

    public static String employer(String employerId) {
        return "employer:" + employerId;
    }
}
