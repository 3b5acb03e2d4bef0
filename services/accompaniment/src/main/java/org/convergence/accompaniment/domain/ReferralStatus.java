package org.convergence.accompaniment.domain;

import java.util.Map;
import java.util.Set;

/**
 * A referral's lifecycle: {@code SENT → ACCEPTED → COMPLETED}, or {@code DECLINED} / {@code CANCELLED}; a referral
 * left {@code SENT} (unanswered) past its deadline becomes {@code EXPIRED} ({@link ReferralExpiry}).
 */
public enum ReferralStatus {
    SENT, ACCEPTED, COMPLETED, DECLINED, CANCELLED, EXPIRED;

    private static final Map<ReferralStatus, Set<ReferralStatus>> NEXT = Map.of(
            SENT, Set.of(ACCEPTED, DECLINED, CANCELLED, EXPIRED),
            ACCEPTED, Set.of(COMPLETED, CANCELLED),
            COMPLETED, Set.of(),
            DECLINED, Set.of(),
            CANCELLED, Set.of(),
            EXPIRED, Set.of());

    public boolean mayBecome(ReferralStatus next) {
        return NEXT.get(this).contains(next);
    }

    /** Whether the partner still has something to do with it. */
    public boolean isOpen() {
        return this == SENT || this == ACCEPTED;
    }
}
