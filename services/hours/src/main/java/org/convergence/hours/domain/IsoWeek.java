package org.convergence.hours.domain;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** An ISO-8601 week, Monday to Sunday, written {@code YYYY-Www}: the unit chantier software reports hours in. */
public record IsoWeek(int year, int week) implements Comparable<IsoWeek> {

    private static final Pattern FORMAT = Pattern.compile("(\\d{4})-W(\\d{2})");

    public IsoWeek {
        LocalDate reference = LocalDate.of(year, 6, 1);
        long weeksInYear = reference.range(IsoFields.WEEK_OF_WEEK_BASED_YEAR).getMaximum();
        if (week < 1 || week > weeksInYear) {
            throw new IllegalArgumentException(year + " has ISO weeks 1 to " + weeksInYear + ", not " + week);
        }
    }

    /** The week written {@code YYYY-Www}, if it exists (week 53 only in the years that have one). */
    public static Optional<IsoWeek> parse(String text) {
        Matcher matcher = text == null ? null : FORMAT.matcher(text);
        if (matcher == null || !matcher.matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new IsoWeek(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2))));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    public static IsoWeek of(LocalDate day) {
        return new IsoWeek(day.get(IsoFields.WEEK_BASED_YEAR), day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }

    public LocalDate monday() {
        return LocalDate.of(year, 1, 4).with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, week).with(DayOfWeek.MONDAY);
    }

    public LocalDate sunday() {
        return monday().plusDays(6);
    }

    public IsoWeek next() {
        return of(monday().plusWeeks(1));
    }

    @Override
    public int compareTo(IsoWeek other) {
        return monday().compareTo(other.monday());
    }

    /** {@code yyyy-Www}; built by hand, since it is written into every weekly event ({@code String.format} showed in the door's profile). */
    @Override
    public String toString() {
        if (year < 0 || year > 9_999) {
            return String.format("%04d-W%02d", year, week);
        }
        StringBuilder text = new StringBuilder(8);
        int digits = year < 10 ? 1 : year < 100 ? 2 : year < 1_000 ? 3 : 4;
        text.append("000", 0, 4 - digits).append(year).append("-W");
        if (week < 10) {
            text.append('0');
        }
        return text.append(week).toString();
    }
}
