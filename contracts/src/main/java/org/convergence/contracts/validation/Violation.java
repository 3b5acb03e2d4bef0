package org.convergence.contracts.validation;

/**
 * One way a record breaks its contract.
 *
 * @param field   path of the field at fault in the envelope, e.g. {@code payload.programs[0].since}; the empty
 *                string for the record as a whole
 * @param problem what is wrong, for a person, without the offending value
 */
public record Violation(String field, String problem) {

    @Override
    public String toString() {
        return field.isEmpty() ? problem : field + ": " + problem;
    }
}
