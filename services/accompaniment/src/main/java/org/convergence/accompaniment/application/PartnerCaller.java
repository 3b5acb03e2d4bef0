package org.convergence.accompaniment.application;

import io.quarkus.security.ForbiddenException;

/**
 * A partner calling with its own token (role {@code partner}): the territory and the partner id its token names.
 * It reaches the referrals addressed to that partner only.
 */
public record PartnerCaller(String territoryId, String partnerId) {

    public ForbiddenException denied() {
        return new ForbiddenException("Outside the caller's scope");
    }
}
