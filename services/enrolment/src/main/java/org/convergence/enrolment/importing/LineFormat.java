package org.convergence.enrolment.importing;

import org.convergence.platform.input.InputValidation;
import org.convergence.platform.rest.Problem;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Reads one line of an import file into a pathway line checked like a REST body, or refuses it with
 * {@link InvalidLineException}, whose reason names the fields and never echoes more of the line than a short escaped
 * excerpt.
 */
interface LineFormat {

    ImportLine parse(String text);

    /** The line as read, if the constraints of {@link ImportLine} accept it. */
    static ImportLine checked(ImportLine line, InputValidation validation) {
        List<Problem.FieldError> problems = validation.problems(line);
        if (!problems.isEmpty()) {
            throw new InvalidLineException(problems.stream().map(p -> p.field() + ": " + p.message())
                    .collect(Collectors.joining("; ")));
        }
        return line;
    }
}
