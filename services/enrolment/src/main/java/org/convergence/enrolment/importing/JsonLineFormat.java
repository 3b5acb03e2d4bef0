package org.convergence.enrolment.importing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.convergence.contracts.input.JsonErrors;
import org.convergence.contracts.input.StrictJson;
import org.convergence.platform.input.InputValidation;

/**
 * One JSON object per line, read like a REST body ({@link StrictJson}: no coercion, exact enum names and dates,
 * canonical UUIDs, no repeated or unknown field), then checked like one.
 */
final class JsonLineFormat implements LineFormat {

    private static final ObjectMapper JSON = StrictJson.mapper();

    private final InputValidation validation;

    JsonLineFormat(InputValidation validation) {
        this.validation = validation;
    }

    @Override
    public ImportLine parse(String text) {
        ImportLine line;
        try {
            line = JSON.readValue(text, ImportLine.class);
        } catch (JsonProcessingException e) {
            JsonErrors.Refusal refusal = JsonErrors.describe(e);
            throw new InvalidLineException(refusal.field().isEmpty() ? "the line " + refusal.message()
                    .replace("must be an object", "must be one JSON object")
                    : refusal.field() + ": " + refusal.message());
        }
        if (line == null) {
            throw new InvalidLineException("the line must be one JSON object, not null");
        }
        return LineFormat.checked(line, validation);
    }
}
