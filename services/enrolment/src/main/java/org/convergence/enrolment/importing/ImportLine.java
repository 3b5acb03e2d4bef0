package org.convergence.enrolment.importing;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.convergence.contracts.input.DateWindows;
import org.convergence.contracts.input.Identifiers;
import org.convergence.enrolment.domain.ExitCategory;
import org.convergence.enrolment.domain.HousingSituation;
import org.convergence.platform.input.KnownProgram;
import org.convergence.platform.input.PlausibleDate;

import java.time.LocalDate;

/**
 * One historic pathway of an import file (JSON lines, one object per line, or a CSV row). {@code pathwayId} is
 * required so that a re-run recognises what it already stored. Checked with the same rules as {@code POST /pathways}:
 * an id {@code POST /pathways} would refuse is never stored by an import.
 */
public record ImportLine(
        @NotNull @Pattern(regexp = Identifiers.UUID, message = Identifiers.UUID_MESSAGE) String pathwayId,
        @Pattern(regexp = Identifiers.UUID, message = Identifiers.UUID_MESSAGE) String participantId,
        @NotNull @KnownProgram String program,
        @NotNull @Pattern(regexp = Identifiers.SLUG, message = Identifiers.SLUG_MESSAGE) String chantierId,
        @NotNull @PlausibleDate(DateWindows.PATHWAY) LocalDate entryDate,
        @Valid Exit exit) {

    /** The end of a past pathway, if it ended; an old record may lack its category. */
    public record Exit(
            @NotNull @PlausibleDate(DateWindows.PATHWAY) LocalDate date,
            ExitCategory category,
            HousingSituation housingAtExit) {
    }
}
