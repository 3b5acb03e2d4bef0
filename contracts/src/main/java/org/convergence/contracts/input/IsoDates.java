package org.convergence.contracts.input;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * Reading the two date forms every record carries, {@code YYYY-MM-DD} and {@code YYYY-MM-DDThh:mm:ss(.f…)Z}, by
 * their digits, with the same results as {@link LocalDate#parse} and {@link Instant#parse}: a decoded record read its
 * dates three times through {@code java.time}'s general formatters, a quarter of a strict decode's CPU (ADR 0052).
 * Text of any other shape, or naming no such day or time, goes to {@code java.time} itself, so what is accepted,
 * refused and the exceptions thrown stay exactly theirs.
 */
public final class IsoDates {

    private IsoDates() {
    }

    /** The day {@code text} names if written exactly {@code YYYY-MM-DD} (ASCII digits), else null. */
    public static LocalDate dateOrNull(String text) {
        return text == null || text.length() != 10 ? null : dateAt(text);
    }

    /** The day written {@code YYYY-MM-DD} in the first ten chars of {@code text} (at least ten long), else null. */
    private static LocalDate dateAt(String text) {
        if (text.charAt(4) != '-' || text.charAt(7) != '-') {
            return null;
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 7);
        int day = digits(text, 8, 10);
        if (year < 0 || month < 0 || day < 0) {
            return null;
        }
        try {
            return LocalDate.of(year, month, day);
        } catch (DateTimeException noSuchDay) {
            return null;
        }
    }

    /** As {@link LocalDate#parse(CharSequence)}. */
    public static LocalDate date(String text) {
        LocalDate date = dateOrNull(text);
        return date != null ? date : LocalDate.parse(text);
    }

    /** As {@link Instant#parse(CharSequence)}. */
    public static Instant instant(String text) {
        Instant instant = utcInstantOrNull(text);
        return instant != null ? instant : Instant.parse(text);
    }

    /** {@code YYYY-MM-DDThh:mm:ss(.f{1,9})Z} naming a real day and time (no leap second), else null. */
    private static Instant utcInstantOrNull(String text) {
        int length = text == null ? 0 : text.length();
        if (length < 20 || length == 21 || length > 30 || text.charAt(10) != 'T' || text.charAt(13) != ':'
                || text.charAt(16) != ':' || text.charAt(length - 1) != 'Z') {
            return null;
        }
        LocalDate day = dateAt(text);
        int hour = digits(text, 11, 13);
        int minute = digits(text, 14, 16);
        int second = digits(text, 17, 19);
        if (day == null || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) {
            return null;
        }
        int nanos = 0;
        if (length > 20) {
            if (text.charAt(19) != '.') {
                return null;
            }
            int fraction = digits(text, 20, length - 1);
            if (fraction < 0) {
                return null;
            }
            nanos = fraction;
            for (int i = length - 1 - 20; i < 9; i++) {
                nanos *= 10;
            }
        } else if (text.charAt(19) != 'Z') {
            return null;
        }
        return LocalDateTime.of(day.getYear(), day.getMonth(), day.getDayOfMonth(), hour, minute, second, nanos)
                .toInstant(ZoneOffset.UTC);
    }

    /** The number written by the ASCII digits of {@code text} from {@code from} to {@code to}; -1 if any is not one. */
    private static int digits(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
