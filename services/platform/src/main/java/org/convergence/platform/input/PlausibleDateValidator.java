package org.convergence.platform.input;

import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Instance;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import org.convergence.contracts.input.DateWindows;
import org.convergence.platform.time.BusinessDates;

import java.time.LocalDate;
import java.util.Optional;

/**
 * {@link PlausibleDate}: the configured window of the date's kind, on today's business date. The windows are looked up
 * when a value is checked: validators are built before the configuration is readable.
 */
@Dependent
public class PlausibleDateValidator implements ConstraintValidator<PlausibleDate, LocalDate> {

    private final Instance<DateWindows> windows;
    private String kind;

    public PlausibleDateValidator(Instance<DateWindows> windows) {
        this.windows = windows;
    }

    @Override
    public void initialize(PlausibleDate annotation) {
        kind = annotation.value();
    }

    @Override
    public boolean isValid(LocalDate value, ConstraintValidatorContext context) {
        Optional<String> problem = windows.get().problem(kind, value, BusinessDates.today());
        problem.ifPresent(message -> Violations.replaceMessage(context, message));
        return problem.isEmpty();
    }
}
