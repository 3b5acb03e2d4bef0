package org.convergence.platform.domain;

/**
 * A command refused by a business rule (DOMAIN.md): the request was understood but the rule forbids it.
 * The code is stable and documented; the message explains it to a person. Thrown by aggregates, and by the
 * few checks that span aggregates (a chantier's programs, one active pathway per program).
 */
public class RuleViolationException extends RuntimeException {

    private final String code;

    public RuleViolationException(String code, String message) {
        super(message);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
