package org.convergence.accompaniment.application;

/**
 * A partner naming a referral that is not in its inbox: another partner's, or none at all. Both get the same answer
 * (403 {@code REFERRAL_NOT_ADDRESSED_TO_CALLER}), so a partner cannot learn which referral ids exist elsewhere.
 */
public class ReferralNotAddressedException extends RuntimeException {

    public static final String CODE = "REFERRAL_NOT_ADDRESSED_TO_CALLER";

    public ReferralNotAddressedException() {
        super("This referral is not addressed to the calling partner");
    }
}
