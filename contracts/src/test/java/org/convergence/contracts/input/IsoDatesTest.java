package org.convergence.contracts.input;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.function.Function;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Dates read by their digits give what {@code java.time} gives: the same value, or the same refusal (ADR 0052). */
class IsoDatesTest {

    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    @Property(tries = 3_000)
    void aDateReadsAsLocalDateParseReadsIt(@ForAll("nearlyDates") String text) {
        assertEquals(outcome(LocalDate::parse, text), outcome(IsoDates::date, text));
    }

    @Property(tries = 3_000)
    void aStrictDateIsExactlyTheDigitsFormThatNamesADay(@ForAll("nearlyDates") String text) {
        LocalDate expected = null;
        if (DATE.matcher(text).matches()) {
            try {
                expected = LocalDate.parse(text, DateTimeFormatter.ISO_LOCAL_DATE);
            } catch (DateTimeException noSuchDay) {
                expected = null;
            }
        }
        assertEquals(expected, IsoDates.dateOrNull(text));
    }

    @Property(tries = 5_000)
    void anInstantReadsAsInstantParseReadsIt(@ForAll("nearlyInstants") String text) {
        assertEquals(outcome(Instant::parse, text), outcome(IsoDates::instant, text));
    }

    @Example
    void theUsualFormsAreReadByTheirDigits() {
        assertEquals(Instant.parse("2020-03-02T08:00:00.123456789Z"), IsoDates.instant("2020-03-02T08:00:00.123456789Z"));
        assertEquals(Instant.parse("2020-02-29T23:59:59Z"), IsoDates.instant("2020-02-29T23:59:59Z"));
        assertEquals(LocalDate.of(2020, 2, 29), IsoDates.dateOrNull("2020-02-29"));
        assertNull(IsoDates.dateOrNull("2021-02-29"));
        assertNull(IsoDates.dateOrNull("2021-2-28"));
        assertNull(IsoDates.dateOrNull("٢٠٢١-٠٢-٢٨")); // digits, but not ASCII ones
    }

    @Provide
    Arbitrary<String> nearlyDates() {
        return Arbitraries.frequencyOf(Tuple.of(9, dates()), Tuple.of(1, noise(12)));
    }

    @Provide
    Arbitrary<String> nearlyInstants() {
        // Each separator drawn on its own, so that a reading checking one but not another is caught.
        Arbitrary<String> times = Combinators.combine(twoDigits(25), mostly(":", ";", "0"), twoDigits(61),
                        mostly(":", ";", "0"), twoDigits(61))
                .as((hour, colon, minute, otherColon, second) -> hour + colon + minute + otherColon + second);
        Arbitrary<String> instants = Combinators.combine(dates(), times, fractions(),
                        mostly("Z", "z", "+01:00", "", "ZZ"), mostly("T", "t", " "), mostly(".", ",", ""))
                .as((date, time, fraction, zone, separator, point) -> date + separator + time
                        + (fraction.isEmpty() ? "" : point + fraction) + zone);
        return Arbitraries.frequencyOf(Tuple.of(9, instants), Tuple.of(1, noise(32)));
    }

    private static Arbitrary<String> dates() {
        Arbitrary<String> years = Arbitraries.frequencyOf(
                Tuple.of(9, Arbitraries.integers().between(0, 9999).map(y -> "%04d".formatted(y))),
                Tuple.of(1, Arbitraries.of("+10000", "-0001", "202", "20a0")));
        return Combinators.combine(years, mostly("-", "/", "0"), twoDigits(14), mostly("-", "/", "0"), twoDigits(33))
                .as((year, dash, month, otherDash, day) -> year + dash + month + otherDash + day);
    }

    /** Two digits below {@code below} nine times in ten, else a malformed field. */
    private static Arbitrary<String> twoDigits(int below) {
        return Arbitraries.frequencyOf(
                Tuple.of(9, Arbitraries.integers().between(0, below - 1).map(n -> "%02d".formatted(n))),
                Tuple.of(1, Arbitraries.of("7", "100", "x1")));
    }

    /** No fraction, or one to ten digits (ten is one too many). */
    private static Arbitrary<String> fractions() {
        return Arbitraries.frequencyOf(Tuple.of(1, Arbitraries.just("")),
                Tuple.of(3, Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(10)));
    }

    /** The usual form four times in five, else one of the others. */
    private static Arbitrary<String> mostly(String usual, String... others) {
        return Arbitraries.frequencyOf(Tuple.of(4, Arbitraries.just(usual)),
                Tuple.of(1, Arbitraries.of(others)));
    }

    private static Arbitrary<String> noise(int maxLength) {
        return Arbitraries.strings().withChars("0123456789-T:.Z+z ").ofMaxLength(maxLength);
    }

    /** The value, or the kind of refusal: the two readings must agree on which. */
    private static <T> Object outcome(Function<String, T> read, String text) {
        try {
            return read.apply(text);
        } catch (RuntimeException e) {
            return e.getClass();
        }
    }
}
