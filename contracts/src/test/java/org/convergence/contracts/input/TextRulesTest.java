package org.convergence.contracts.input;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TextRulesTest {

    @ParameterizedTest
    @ValueSource(strings = {"Ernestine", "Quillaubert-Zed", "Emmaüs Défi", "O'Brien", "Nguyễn Thị", "محمد",
            "ناصر\u200Cالدین", "👩\u200D🔧", "李", "Jean Paul"})
    void ordinary_names_in_any_script_are_accepted(String name) {
        assertEquals(Optional.empty(), TextRules.problem(TextRules.normalise(name)), name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"\u0000", "Jean\u0000", "Jean\nPaul", "Jean\tPaul", "A\u007F", "A\u0085", "A\uD800"})
    void control_characters_and_broken_surrogates_are_refused(String name) {
        assertEquals(Optional.of("must not contain control characters"), TextRules.problem(TextRules.normalise(name)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\u200B", "Jean\u200B", "\u200BJean", "Je\u200Ban", "\u202Eevil", "Jean\u202D",
            "\u2066Jean\u2069", "\u200EJean", "\uFEFFJean", "\u200D", "Jean\u200D", "Je\u200D\u200Dan", "So\u00ADphie",
            "\u2060"})
    void invisible_formatting_characters_are_refused_except_a_joiner_between_two_visible_characters(String name) {
        assertTrue(TextRules.problem(TextRules.normalise(name)).orElseThrow().startsWith("must not contain invisible"),
                name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "   ", "\u00A0", "\u3000", "\u2003 "})
    void a_value_with_nothing_visible_is_blank(String name) {
        assertEquals(Optional.of("must not be blank"), TextRules.problem(TextRules.normalise(name)));
    }

    @Test
    void names_are_composed_and_trimmed_so_that_one_name_has_one_spelling() {
        String decomposed = "Emmau\u0308s De\u0301fi ";
        assertEquals("Emmaüs Défi", TextRules.normalise(decomposed));
        assertEquals(TextRules.normalise("Emmaüs Défi"), TextRules.normalise(decomposed));
        assertEquals(null, TextRules.normalise(null));
    }
}
