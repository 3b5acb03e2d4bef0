package org.convergence.enrolment.application;

import org.convergence.enrolment.query.PathwayView;

/**
 * What became of one {@link NewPathway}: stored now, found already stored as the same pathway (a re-run), or refused
 * with the reason (a rule, a scope, a pathway id used by another pathway).
 */
public record Recorded(Outcome outcome, PathwayView pathway, RuntimeException refusal) {

    public enum Outcome {
        STORED,
        ALREADY_STORED,
        REFUSED
    }

    static Recorded stored(PathwayView pathway) {
        return new Recorded(Outcome.STORED, pathway, null);
    }

    static Recorded alreadyStored(PathwayView pathway) {
        return new Recorded(Outcome.ALREADY_STORED, pathway, null);
    }

    static Recorded refused(RuntimeException reason) {
        return new Recorded(Outcome.REFUSED, null, reason);
    }
}
