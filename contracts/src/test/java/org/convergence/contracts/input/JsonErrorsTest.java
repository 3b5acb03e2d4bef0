package org.convergence.contracts.input;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JsonErrorsTest {

    enum Status { ENGAGED, OPERATIONAL }

    record Carried(String program, LocalDate since) {
    }

    record Body(UUID pathwayId, String name, Integer months, Status status, LocalDate day, List<Carried> programs) {
    }

    private final ObjectMapper json = StrictJson.mapper();

    private JsonErrors.Refusal refusal(String body) {
        JsonProcessingException e = assertThrows(JsonProcessingException.class, () -> json.readValue(body, Body.class));
        return JsonErrors.describe(e);
    }

    @Test
    void each_refusal_names_the_field_and_what_it_must_be() {
        assertEquals(new JsonErrors.Refusal("name", "must be a string"), refusal("{\"name\":12345}"));
        assertEquals(new JsonErrors.Refusal("months", "must be an integer"), refusal("{\"months\":6.5}"));
        assertEquals(new JsonErrors.Refusal("months", "must be an integer"), refusal("{\"months\":\"6\"}"));
        assertEquals(new JsonErrors.Refusal("status", "must be one of ENGAGED, OPERATIONAL"), refusal("{\"status\":0}"));
        assertEquals(new JsonErrors.Refusal("status", "must be one of ENGAGED, OPERATIONAL, not 'ENGAGED '"),
                refusal("{\"status\":\"ENGAGED \"}"));
        assertEquals(new JsonErrors.Refusal("day", "must be a date written YYYY-MM-DD, not '+002020-01-01'"),
                refusal("{\"day\":\"+002020-01-01\"}"));
        assertEquals(new JsonErrors.Refusal("day", "must be a date written YYYY-MM-DD"), refusal("{\"day\":[2020,1,1]}"));
        assertEquals(new JsonErrors.Refusal("pathwayId", Identifiers.UUID_MESSAGE + ", not '1-1-1-1-1'"),
                refusal("{\"pathwayId\":\"1-1-1-1-1\"}"));
        assertEquals(new JsonErrors.Refusal("programs[1].since", "must be a date written YYYY-MM-DD, not '2020-13-01'"),
                refusal("{\"programs\":[{\"program\":\"A\",\"since\":\"2020-01-01\"},{\"since\":\"2020-13-01\"}]}"));
        assertEquals(new JsonErrors.Refusal("programs", "must be an array"), refusal("{\"programs\":{}}"));
        assertEquals(new JsonErrors.Refusal("surprise", "is not a field of this document"), refusal("{\"surprise\":1}"));
    }

    @Test
    void a_repeated_key_is_named_even_when_nested() {
        assertEquals(new JsonErrors.Refusal("day", "is given more than once"),
                refusal("{\"day\":\"2020-01-01\",\"day\":\"x\"}"));
        assertEquals(new JsonErrors.Refusal("programs[0].since", "is given more than once"),
                refusal("{\"programs\":[{\"since\":\"2020-01-01\",\"since\":\"2020-01-01\"}]}"));
    }

    @Test
    void malformed_documents_are_refused_as_a_whole_with_a_position_only() {
        assertEquals(new JsonErrors.Refusal("", "must hold one JSON value and nothing after it"),
                refusal("{\"name\":\"a\"} {}"));
        JsonErrors.Refusal broken = refusal("{\"name\": <script>");
        assertEquals("", broken.field());
        assertTrue(broken.message().startsWith("is not well-formed JSON (line 1, column"), broken.message());
        assertEquals("", refusal("[".repeat(100)).field());
        assertEquals(new JsonErrors.Refusal("months", "is out of range for an integer"),
                refusal("{\"months\":99999999999}"));
    }

    @Test
    void nothing_of_the_input_beyond_a_short_escaped_excerpt_is_told() {
        String hostileName = "<script>\u202E" + "x".repeat(100_000);
        JsonErrors.Refusal refusal = refusal("{\"" + hostileName + "\":1}");
        assertTrue(refusal.field().length() < 100 + Excerpt.MAX_CODE_POINTS * 6, "bounded");
        assertFalse(refusal.field().contains("<") || refusal.field().contains("\u202E"), refusal.field());
        JsonErrors.Refusal value = refusal("{\"day\":\"" + hostileName + "\"}");
        assertTrue(value.message().endsWith(", not '\\u003cscript\\u003e\\u202e" + "x".repeat(31) + "…'"),
                value.message());
        assertFalse(value.message().contains("java") || value.message().contains("<"), value.message());
    }
}
