package org.convergence.platform.input;

import com.fasterxml.jackson.annotation.JacksonAnnotationsInside;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
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
 * A free-text field (a name): read from JSON normalised (Unicode NFC, surrounding white space stripped), then refused
 * if it holds control characters, lone invisible formatting characters or nothing visible
 * ({@link org.convergence.contracts.input.TextRules}). {@code null} is left to {@code @NotNull}; bound the length with
 * {@code @Size}.
 */
@Documented
@Constraint(validatedBy = TextValidator.class)
@JacksonAnnotationsInside
@JsonDeserialize(using = NormalisedText.class)
@Target({FIELD, METHOD, PARAMETER, ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
public @interface Text {

    String message() default "must be readable text";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
