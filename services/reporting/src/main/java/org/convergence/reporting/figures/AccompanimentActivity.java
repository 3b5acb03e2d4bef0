package org.convergence.reporting.figures;

/**
 * What the chantiers of a scope did with partners and in collective psychological support in a year (DOMAIN.md
 * "Figures", "Also"): the referrals they sent by partner kind with their outcome, and the support sessions they
 * held by kind with their participants (counts of attendance, no names).
 */
public record AccompanimentActivity(ReferralsByPartnerKind referrals, SessionsByKind supportSessions) {

    /**
     * The referrals sent in the year ({@code sentOn} in it), by the kind of partner they were addressed to, and
     * how they ended as of now; those still {@code SENT} or {@code ACCEPTED} are the rest of {@code sent}.
     */
    public record Outcomes(int sent, int completed, int declined, int cancelled, int expired) {
    }

    public record ReferralsByPartnerKind(Outcomes cpamContact, Outcomes socialLandlord, Outcomes psychologist,
                                         Outcomes healthCentre, Outcomes employerHr, Outcomes other) {
    }

    /** Sessions held in the year ({@code heldOn} in it) and the sum of their participant counts. */
    public record Held(int sessions, int participants) {
    }

    public record SessionsByKind(Held flashCoaching, Held speechGroup, Held individualPsychologist,
                                 Held musicTherapy, Held conferenceDebate, Held practiceAnalysis) {
    }
}
