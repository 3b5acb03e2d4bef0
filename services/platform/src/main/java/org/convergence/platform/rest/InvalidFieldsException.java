package org.convergence.platform.rest;

import java.util.List;

/** A request whose fields are well-formed but not acceptable, found by code rather than by annotations. */
public class InvalidFieldsException extends RuntimeException {

    private final transient List<Problem.FieldError> errors;

    public InvalidFieldsException(List<Problem.FieldError> errors) {
        this("The request has invalid fields", errors);
    }

    /** With a detail of its own, e.g. for parameters. */
    public InvalidFieldsException(String detail, List<Problem.FieldError> errors) {
        super(detail);
        this.errors = List.copyOf(errors);
    }

    public InvalidFieldsException(String field, String message) {
        this(List.of(new Problem.FieldError(field, message)));
    }

    public List<Problem.FieldError> errors() {
        return errors;
    }
}
