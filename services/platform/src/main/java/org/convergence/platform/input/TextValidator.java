package org.convergence.platform.input;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import org.convergence.contracts.input.TextRules;

import java.util.Optional;

/** {@link Text}: the contract's text rules, with their own message. */
public class TextValidator implements ConstraintValidator<Text, String> {

    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
        Optional<String> problem = TextRules.problem(value);
        problem.ifPresent(message -> Violations.replaceMessage(context, message));
        return problem.isEmpty();
    }
}
