package org.convergence.platform.input;

import jakarta.validation.ConstraintValidatorContext;

/** Constraint messages computed when the value is checked (today's window, the configured codes). */
final class Violations {

    private Violations() {
    }

    static void replaceMessage(ConstraintValidatorContext context, String message) {
        context.disableDefaultConstraintViolation();
        // Escaped: a message template interprets braces and dollars; ours only carries dates and codes.
        context.buildConstraintViolationWithTemplate(message.replace("\\", "\\\\").replace("{", "\\{")
                .replace("}", "\\}").replace("$", "\\$")).addConstraintViolation();
    }
}
