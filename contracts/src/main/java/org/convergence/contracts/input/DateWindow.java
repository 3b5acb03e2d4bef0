package org.convergence.contracts.input;

import java.time.LocalDate;
import java.time.Period;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The days a kind of date may plausibly fall on, both ends included. Each end is a fixed day ({@code 1990-01-01}) or a
 * day relative to today ({@code today}, {@code today-15y}, {@code today+1y}, {@code today-6m}, {@code today+30d}), so a
 * window moves with the calendar: a birth date from {@code today-100y} to {@code today-15y} gives an age between 15
 * and 100 on the day it is checked.
 */
public record DateWindow(Bound from, Bound to) {

    public DateWindow {
        if (from == null || to == null) {
            throw new IllegalArgumentException("A date window has two ends");
        }
    }

    /** A window from its two ends as written in configuration. */
    public static DateWindow of(String from, String to) {
        return new DateWindow(Bound.parse(from), Bound.parse(to));
    }

    public LocalDate earliest(LocalDate today) {
        return from.on(today);
    }

    public LocalDate latest(LocalDate today) {
        return to.on(today);
    }

    public boolean contains(LocalDate day, LocalDate today) {
        return !day.isBefore(earliest(today)) && !day.isAfter(latest(today));
    }

    /** What a refused date is told, with the window's ends on {@code today}. */
    public String message(LocalDate today) {
        return "must be between " + earliest(today) + " and " + latest(today);
    }

    /** One end of a window: a fixed day, or today moved by a period. */
    public record Bound(LocalDate fixed, Period fromToday) {

        private static final Pattern RELATIVE = Pattern.compile("today(?:([+-])(\\d{1,4})([ymd]))?");

        public static Bound parse(String text) {
            String trimmed = text == null ? "" : text.strip();
            Matcher relative = RELATIVE.matcher(trimmed);
            if (relative.matches()) {
                if (relative.group(1) == null) {
                    return new Bound(null, Period.ZERO);
                }
                int amount = Integer.parseInt(relative.group(2)) * ("-".equals(relative.group(1)) ? -1 : 1);
                Period period = switch (relative.group(3)) {
                    case "y" -> Period.ofYears(amount);
                    case "m" -> Period.ofMonths(amount);
                    default -> Period.ofDays(amount);
                };
                return new Bound(null, period);
            }
            if (StrictJson.isIsoDate(trimmed)) {
                return new Bound(LocalDate.parse(trimmed), null);
            }
            throw new IllegalArgumentException("A date window end is YYYY-MM-DD, today, or today+/-N followed by y, m "
                    + "or d; not " + Excerpt.of(text));
        }

        public LocalDate on(LocalDate today) {
            return fixed != null ? fixed : today.plus(fromToday);
        }
    }
}
