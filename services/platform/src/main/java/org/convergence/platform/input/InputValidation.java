package org.convergence.platform.input;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Validator;
import org.convergence.platform.rest.Problem;
import org.convergence.platform.rest.ViolationPaths;

import java.util.Comparator;
import java.util.List;

/**
 * Checks a value read at a door other than a REST body (an import line) with the same constraint annotations, and
 * tells the offending fields the way a REST answer does.
 */
@ApplicationScoped
public class InputValidation {

    private final Validator validator;

    public InputValidation(Validator validator) {
        this.validator = validator;
    }

    /** The offending fields, by dotted path, sorted; empty when the value is acceptable. */
    public List<Problem.FieldError> problems(Object value) {
        return validator.validate(value).stream()
                .map(v -> new Problem.FieldError(ViolationPaths.of(v), v.getMessage()))
                .distinct()
                .sorted(Comparator.comparing(Problem.FieldError::field).thenComparing(Problem.FieldError::message))
                .toList();
    }
}
