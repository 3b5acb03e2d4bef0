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
 * A date within the plausible window of its kind ({@link org.convergence.contracts.input.DateWindows}: {@code pathway},
 * {@code birth}, {@code program-start}, {@code check-in}, {@code decision}), configured under
 * {@code convergence.input.dates.<kind>} and checked against today in Paris. {@code null} is left to {@code @NotNull}.
 */
@Documented
@Constraint(validatedBy = PlausibleDateValidator.class)
@Target({FIELD, METHOD, PARAMETER, ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
public @interface PlausibleDate {

    /** The kind of date, e.g. {@link org.convergence.contracts.input.DateWindows#PATHWAY}. */
    String value();

    String message() default "must be a plausible date";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
