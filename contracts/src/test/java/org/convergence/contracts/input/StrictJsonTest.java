package org.convergence.contracts.input;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;
import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StrictJsonTest {

    enum Kind { URBAN, LESS_DENSE }

    record Sample(String id, Integer count, Double hours, Boolean flag, Kind kind, LocalDate day, Instant at,
                  java.util.UUID uuid) {
    }

    private final ObjectMapper json = StrictJson.mapper();

    @Test
    void a_well_formed_body_is_read() throws Exception {
        Sample s = json.readValue("{\"id\":\"paris\",\"count\":6,\"hours\":7.5,\"flag\":true,\"kind\":\"URBAN\","
                + "\"day\":\"2020-01-01\",\"at\":\"2020-01-01T10:00:00Z\"}", Sample.class);
        assertEquals(new Sample("paris", 6, 7.5, true, Kind.URBAN, LocalDate.of(2020, 1, 1),
                Instant.parse("2020-01-01T10:00:00Z"), null), s);
        assertEquals(26.0, json.readValue("{\"hours\":26}", Sample.class).hours());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"id\":12345}", "{\"id\":true}", "{\"id\":1.5}",
            "{\"count\":\"6\"}", "{\"count\":6.5}", "{\"count\":true}",
            "{\"hours\":\"7.5\"}", "{\"flag\":\"true\"}", "{\"flag\":1}",
            "{\"kind\":0}", "{\"kind\":\"0\"}", "{\"kind\":\" URBAN\"}", "{\"kind\":\"URBAN \"}", "{\"kind\":\"urban\"}",
            "{\"kind\":\"URBAN\\u0000\"}",
            "{\"day\":\"2020-01-01T00:00:00Z\"}", "{\"day\":[2020,1,1]}", "{\"day\":12345}", "{\"day\":\" 2020-01-01\"}",
            "{\"day\":\"+002020-01-01\"}", "{\"day\":\"-2020-01-01\"}", "{\"day\":\"2020-02-30\"}", "{\"day\":\"20200203\"}",
            "{\"at\":1577872800}", "{\"at\":\"2020-01-01\"}",
            "{\"day\":\"2020-01-01\",\"day\":\"x\"}", "{\"id\":\"a\",\"id\":\"b\"}",
            "{\"unknown\":1}", "{\"id\":\"paris\"} {}", "{\"id\":\"paris\"}x",
            "{\"uuid\":\"1-1-1-1-1\"}", "{\"uuid\":\"6C7D2F71-C2DB-4F84-8829-8D74F07253AA\"}",
            "{\"uuid\":\"bH0vccLbT4SIKY108HJTqg==\"}", "{\"uuid\":\"{6c7d2f71-c2db-4f84-8829-8d74f07253aa}\"}",
            "{\"uuid\":12345}", "{\"count\":10000000000000000000000000000000000000000000000000000}",
            "{\"id\":[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]}"
    })
    void loose_or_ambiguous_values_are_refused(String body) {
        assertThrows(Exception.class, () -> json.readValue(body, Sample.class), body);
    }

    @Test
    void dates_are_exactly_year_month_day() {
        assertTrue(StrictJson.isIsoDate("2020-02-29"));
        assertFalse(StrictJson.isIsoDate("2021-02-29"));
        assertFalse(StrictJson.isIsoDate("2020-1-1"));
        assertFalse(StrictJson.isIsoDate(null));
    }

    @Test
    void identifiers_have_one_format_per_kind() {
        assertTrue(Identifiers.isUuid("6c7d2f71-c2db-4f84-8829-8d74f07253aa"));
        assertFalse(Identifiers.isUuid("1-1-1-1-1"));
        assertFalse(Identifiers.isUuid("6C7D2F71-C2DB-4F84-8829-8D74F07253AA"));
        assertTrue(Identifiers.isSlug("emmaus-defi"));
        assertFalse(Identifiers.isSlug("$set"));
        assertFalse(Identifiers.isSlug("Paris"));
        assertFalse(Identifiers.isSlug("a".repeat(64)));
        assertTrue(Identifiers.isCode("PREMIERES_HEURES"));
        assertFalse(Identifiers.isCode("convergence"));
    }

    @Test
    void an_id_is_of_one_kind_by_its_name_wherever_it_appears() {
        assertEquals(java.util.Optional.of(Identifiers.Kind.UUID), Identifiers.kindOf("pathwayId"));
        assertEquals(java.util.Optional.of(Identifiers.Kind.UUID), Identifiers.kindOf("participantId"));
        assertEquals(java.util.Optional.of(Identifiers.Kind.SLUG), Identifiers.kindOf("chantierId"));
        assertEquals(java.util.Optional.of(Identifiers.Kind.CODE), Identifiers.kindOf("program"));
        assertEquals(java.util.Optional.empty(), Identifiers.kindOf("name"));
    }

    @Test
    void a_canonical_uuid_is_read() throws Exception {
        assertEquals(java.util.UUID.fromString("6c7d2f71-c2db-4f84-8829-8d74f07253aa"),
                json.readValue("{\"uuid\":\"6c7d2f71-c2db-4f84-8829-8d74f07253aa\"}", Sample.class).uuid());
    }
}
