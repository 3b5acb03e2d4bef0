package org.convergence.accompaniment.domain;

import java.time.LocalDate;

/**
 * How long a partner has to answer a referral (configured, DOMAIN.md default 30 days): a referral still
 * {@code SENT} that many days after its sending date expires on that day. Answering ({@code ACCEPTED} or
 * {@code DECLINED}) stops the clock; an accepted referral never expires.
 */
public record ReferralExpiry(int unansweredDays) {

    public ReferralExpiry {
        if (unansweredDays < 1) {
            throw new IllegalArgumentException("A referral is given at least one day to be answered; got "
                    + unansweredDays);
        }
    }

    /** The day a referral sent on {@code sentOn} expires if it is still unanswered. */
    public LocalDate deadline(LocalDate sentOn) {
        return sentOn.plusDays(unansweredDays);
    }

    /** What an expiry command found. */
    public enum Outcome {
        /** The referral was unanswered on its deadline: it is {@code EXPIRED} now (a new fact). */
        EXPIRED,
        /** It was answered, cancelled or had expired already: nothing to do (a repeated sweep lands here). */
        NOT_OPEN,
        /** Its deadline is still ahead (the configured delay grew since it was scheduled). */
        NOT_DUE
    }
}
