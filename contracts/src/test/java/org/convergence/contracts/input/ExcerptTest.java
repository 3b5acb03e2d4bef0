package org.convergence.contracts.input;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ExcerptTest {

    @Test
    void a_long_input_is_cut_to_a_bounded_excerpt() {
        String excerpt = Excerpt.of("x".repeat(100_000));
        assertEquals("x".repeat(Excerpt.MAX_CODE_POINTS) + "…", excerpt);
    }

    @Test
    void markup_controls_and_direction_characters_are_escaped() {
        String excerpt = Excerpt.of("<script>\u202Eevil\u0000\u200B\"");
        assertEquals("\\u003cscript\\u003e\\u202eevil\\u0000\\u200b\\u0022", excerpt);
        assertFalse(excerpt.contains("<"));
        assertTrue(Excerpt.of("Emmaüs Défi").equals("Emmaüs Défi"), "letters of any script stay readable");
    }
}
