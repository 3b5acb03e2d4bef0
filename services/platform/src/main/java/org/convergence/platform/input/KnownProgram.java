package org.convergence.platform.input;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import static java.lang.annotation.ElementType.ANNOTATION_TYPE;
import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;

/**
 * A program code the catalogue knows ({@code convergence.programs.<CODE>}), checked with the other fields, before
 * anything is looked up. {@code null} is left to {@code @NotNull}.
 */
@Documented
@Constraint(validatedBy = KnownProgramValidator.class)
@Target({FIELD, METHOD, PARAMETER, ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
public @interface KnownProgram {

    String message() default "must be a configured program";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
