package org.convergence.enrolment.inbound;

import org.convergence.enrolment.application.Access;
import org.convergence.platform.messaging.RejectedEventException;
import org.convergence.platform.messaging.RetryLaterException;

/**
 * The reach of the employer transitions service when one of its facts ends a pathway: the pathway of the chantier
 * and territory its envelope names, nothing else. The transitions service learned the pathway from enrolment's own
 * facts, so a pathway not known here yet is one being stored: the record waits for it.
 */
record TransitionAccess(String territoryId, String chantierId) implements Access {

    @Override
    public void requireChantier(String territoryId, String chantierId) {
        if (!this.chantierId.equals(chantierId) || !this.territoryId.equals(territoryId)) {
            throw new RejectedEventException(SenderAccess.OUT_OF_SCOPE, "The transition names chantier "
                    + this.chantierId + " (territory " + this.territoryId + "), the pathway is of chantier "
                    + chantierId + " (territory " + territoryId + ")");
        }
    }

    @Override
    public RuntimeException missing(String what) {
        return new RetryLaterException(what + " is not known (yet) to the enrolment service");
    }
}
