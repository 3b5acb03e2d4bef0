package org.convergence.enrolment.inbound;

import org.convergence.enrolment.application.Access;
import org.convergence.platform.messaging.RejectedEventException;
import org.convergence.platform.messaging.RetryLaterException;

/**
 * The reach of a chantier's software: the pathways of the chantier its record names, in that chantier's territory,
 * and nothing else (the Kafka twin of a chantier-staff token's scope). A pathway or chantier not known yet may be
 * on its way (an exit sent right after its enrolment, a chantier being registered): the record waits for it.
 */
record SenderAccess(String territoryId, String chantierId) implements Access {

    /** The code of a record about a chantier or pathway outside the sender's: the REST API's 403. */
    static final String OUT_OF_SCOPE = "OUT_OF_SCOPE";

    @Override
    public void requireChantier(String territoryId, String chantierId) {
        if (!this.chantierId.equals(chantierId) || !this.territoryId.equals(territoryId)) {
            throw new RejectedEventException(OUT_OF_SCOPE, "Chantier " + this.chantierId + " (territory "
                    + this.territoryId + ") may only send facts about its own pathways");
        }
    }

    @Override
    public RuntimeException missing(String what) {
        return new RetryLaterException(what + " is not known (yet) to the enrolment service");
    }
}
