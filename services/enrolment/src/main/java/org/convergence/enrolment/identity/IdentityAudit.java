package org.convergence.enrolment.identity;

import org.convergence.contracts.input.Excerpt;
import org.jboss.logging.Logger;

/**
 * The identity's own lines in the audit trail (category {@code audit}, beside the platform's one line per call): a
 * read made for a partner names the service that asked, the partner it asked for and the referral it went through,
 * so the trail says who saw whom, through what, when (the log line's time). Pseudonymous ids only, never the
 * identity itself.
 */
public final class IdentityAudit {

    private static final Logger AUDIT = Logger.getLogger("audit");

    private IdentityAudit() {
    }

    /** Written before the identity is returned: a read the trail cannot name does not happen. */
    public static void readForPartner(String caller, String participantId, String territoryId, String partnerId,
                                      String referralId) {
        AUDIT.infof("identity-read participant=%s subject=%s for-partner=%s/%s referral=%s",
                participantId, Excerpt.of(caller, 100), territoryId, partnerId, referralId);
    }
}
