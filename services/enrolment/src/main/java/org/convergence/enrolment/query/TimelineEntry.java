package org.convergence.enrolment.query;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One fact of a participant's history: {@code occurredOn} is the business date it concerns, {@code recordedAt}
 * when it was recorded (a historic import records years-old facts today). Only the fields of that fact are set.
 *
 * @param previousDate  for an entry-date correction, the date it replaced
 * @param linkedPathway for a promotion, the Convergence pathway it started; for an enrolment by promotion, the
 *                      Premières Heures pathway it came from
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TimelineEntry(LocalDate occurredOn, Instant recordedAt, Fact fact, String pathwayId, String program,
                            String chantierId, String exitCategory, String housingSituation, Integer milestoneMonths,
                            LocalDate previousDate, String linkedPathway) {

    TimelineEntry withoutLink() {
        return new TimelineEntry(occurredOn, recordedAt, fact, pathwayId, program, chantierId, exitCategory,
                housingSituation, milestoneMonths, previousDate, null);
    }

    /** The kinds of fact a timeline shows. */
    public enum Fact {
        ENROLLED,
        PROMOTED,
        EXITED,
        ENTRY_DATE_CORRECTED,
        EXIT_CORRECTED,
        CHECK_IN
    }
}
