package org.convergence.reporting.published;

import java.time.Year;

/** Two errata of one year were published at once: the first keeps the edition number, the other is refused. */
public class EditionConflictException extends RuntimeException {

    public EditionConflictException(Year year, int edition) {
        super("Edition " + edition + " of the report of " + year + " was published meanwhile: read it, then publish "
                + "another edition if it is still needed");
    }
}
