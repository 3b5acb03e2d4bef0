package org.convergence.platform.time;

import java.time.LocalDate;
import java.time.ZoneId;

/**
 * Business dates are French calendar days: "today" is today in Paris, whatever zone the server runs in, so a
 * fact recorded at 00:30 in Paris is not refused as "in the future" by a server on UTC, and a work list asked
 * at that hour shows the right day.
 */
public final class BusinessDates {

    public static final ZoneId ZONE = ZoneId.of("Europe/Paris");

    private BusinessDates() {
    }

    public static LocalDate today() {
        return LocalDate.now(ZONE);
    }

    /** The given day, or today when none is given (an optional {@code asOf} query parameter). */
    public static LocalDate orToday(LocalDate day) {
        return day == null ? today() : day;
    }
}
