package org.convergence.enrolment.importing;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.io.IOException;

/** One JSON object per line; unknown properties are refused so that a misspelt field is not silently lost. */
final class JsonLineFormat implements LineFormat {

    private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    @Override
    public ImportLine parse(String text) {
        try {
            return json.readValue(text, ImportLine.class);
        } catch (IOException e) {
            String reason = e.getMessage() == null ? "unreadable" : e.getMessage().lines().findFirst().orElse("");
            throw new InvalidLineException("not a valid pathway line: " + reason);
        }
    }
}
