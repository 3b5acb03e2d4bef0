package org.convergence.enrolment.importing;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.convergence.embedded.ConvergenceStackResource;
import org.convergence.platform.input.InputValidation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@WithTestResource(ConvergenceStackResource.class)
class JsonLineFormatTest {

    private static final String LINE = """
            {"pathwayId":"0b7c4c4e-8a55-4b55-9d6b-3a4f4b8f6a11","program":"CONVERGENCE","chantierId":"fndsa",\
            "entryDate":"2016-01-04"}""";

    @Inject
    InputValidation validation;

    private String refusal(String line) {
        return assertThrows(InvalidLineException.class, () -> new JsonLineFormat(validation).parse(line))
                .getMessage();
    }

    @Test
    void aWellFormedLineIsRead() {
        assertEquals(LocalDate.of(2016, 1, 4), new JsonLineFormat(validation).parse(LINE).entryDate());
    }

    @Test
    void aLineThatIsJsonNullIsOneRefusedLine() {
        assertEquals("the line must be one JSON object, not null", refusal("null"));
        assertEquals("the line must be one JSON object", refusal("[]"));
        assertEquals("the line must be one JSON object", refusal("12"));
    }

    @Test
    void anIdThatPostPathwaysWouldRefuseIsRefusedHere() {
        assertEquals("pathwayId: must be a lowercase UUID (8-4-4-4-12 hexadecimal digits)",
                refusal(LINE.replace("0b7c4c4e-8a55-4b55-9d6b-3a4f4b8f6a11", "1-1-1-1-1")));
        assertEquals("pathwayId: must be a lowercase UUID (8-4-4-4-12 hexadecimal digits)",
                refusal(LINE.replace("0b7c4c4e", "0B7C4C4E")));
        assertEquals("chantierId: must be a lowercase slug of 2 to 63 letters, digits and dashes",
                refusal(LINE.replace("\"fndsa\"", "\"$set\"")));
        assertEquals("chantierId: must be a string", refusal(LINE.replace("\"fndsa\"", "12345")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"2020-01-01T00:00:00Z\"", "[2020,1,1]", "12345", "\" 2020-01-01\"", "\"+002020-01-01\"",
            "\"0000-01-01\"", "\"-2020-01-01\"", "\"20200203\"", "\"9999-12-31\"", "\"1989-12-31\"", "null"})
    void aLooseOrImplausibleEntryDateIsRefusedByName(String entryDate) {
        assertTrue(refusal(LINE.replace("\"2016-01-04\"", entryDate)).startsWith("entryDate: "), entryDate);
    }

    @Test
    void aRepeatedKeyIsRefusedEvenWhenItsLastValueIsBad() {
        assertEquals("entryDate: is given more than once",
                refusal(LINE.replace("}", ",\"entryDate\":\"x\"}")));
    }

    @Test
    void reasonsCarryNoClassNameAndNoMoreThanAnEscapedExcerptOfTheLine() {
        String hostile = "<script>\u202E" + "x".repeat(100_000);
        for (String line : new String[]{
                LINE.replace("0b7c4c4e-8a55-4b55-9d6b-3a4f4b8f6a11", hostile),
                LINE.replace("2016-01-04", hostile),
                LINE.replace("\"program\"", "\"" + hostile + "\""),
                "{\"pathwayId\": " + hostile,
                "{\"exit\":{\"category\":\"" + hostile + "\"}}"}) {
            String reason = refusal(line);
            assertTrue(reason.length() < 500, "bounded: " + reason.length());
            assertFalse(reason.contains("<") || reason.contains("\u202E") || reason.contains("java.")
                    || reason.contains("org.convergence") || reason.contains("Exception"), reason);
        }
    }
}
