package org.convergence.platform.rest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ParameterFormatsTest {

    enum Status { ACTIVE, ENDED }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "1.5", "+2020", "02020", " 2020", "2020 ", "", "0x10", "1e3", "\u0660", "２０２０",
            "99999999999", "-", "--1"})
    void anIntegerIsDigitsWithAnOptionalMinusAndNoLeadingZero(String value) {
        assertEquals(Optional.of("must be an integer written in digits"),
                ParameterFormats.problem("year", int.class, value), value);
    }

    @Test
    void wellFormedIntegersAreAccepted() {
        for (String value : new String[]{"0", "2020", "-1", "2147483647"}) {
            assertEquals(Optional.empty(), ParameterFormats.problem("page", Integer.class, value), value);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"today", "2020-1-1", "+2020-01-01", "2020-02-30", "20200101", " 2020-01-01"})
    void aDateIsExactlyYearMonthDay(String value) {
        assertEquals(Optional.of("must be a date written YYYY-MM-DD"),
                ParameterFormats.problem("asOf", LocalDate.class, value));
    }

    @Test
    void idsAreCheckedByTheKindTheirNameGives() {
        assertEquals(Optional.empty(), ParameterFormats.problem("pathwayId", String.class,
                UUID.randomUUID().toString()));
        assertTrue(ParameterFormats.problem("pathwayId", String.class, "1-1-1-1-1").isPresent());
        assertTrue(ParameterFormats.problem("participantId", String.class, "paris").isPresent());
        assertEquals(Optional.empty(), ParameterFormats.problem("territoryId", String.class, "paris"));
        assertTrue(ParameterFormats.problem("territoryId", String.class, "Paris").isPresent());
        assertTrue(ParameterFormats.problem("chantierId", String.class, "$set").isPresent());
        assertEquals(Optional.empty(), ParameterFormats.problem("program", String.class, "CONVERGENCE"));
        assertTrue(ParameterFormats.problem("program", String.class, "convergence").isPresent());
    }

    @Test
    void otherTextIsBoundedAndReadable() {
        assertEquals(Optional.empty(), ParameterFormats.problem("status", String.class, "ACTIVE"));
        assertTrue(ParameterFormats.problem("status", String.class, "\u0000").isPresent());
        assertTrue(ParameterFormats.problem("status", String.class, "\u202EACTIVE").isPresent());
        assertTrue(ParameterFormats.problem("status", String.class, "x".repeat(201)).isPresent());
    }

    @Test
    void enumsAndBooleansAreExact() {
        assertEquals(Optional.empty(), ParameterFormats.problem("status", Status.class, "ACTIVE"));
        assertEquals(Optional.of("must be one of ACTIVE, ENDED"), ParameterFormats.problem("status", Status.class,
                "active"));
        assertEquals(Optional.of("must be true or false"), ParameterFormats.problem("flag", boolean.class, "yes"));
    }
}
