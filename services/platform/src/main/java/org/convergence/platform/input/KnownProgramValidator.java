package org.convergence.platform.input;

import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Instance;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import org.convergence.platform.programs.ProgramCatalog;

/** {@link KnownProgram}: one of the catalogue's codes (looked up when a value is checked), the message listing them. */
@Dependent
public class KnownProgramValidator implements ConstraintValidator<KnownProgram, String> {

    private final Instance<ProgramCatalog> programs;

    public KnownProgramValidator(Instance<ProgramCatalog> programs) {
        this.programs = programs;
    }

    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
        ProgramCatalog catalog = programs.get();
        if (value == null || catalog.isKnown(value)) {
            return true;
        }
        Violations.replaceMessage(context, catalog.unknownMessage());
        return false;
    }
}
