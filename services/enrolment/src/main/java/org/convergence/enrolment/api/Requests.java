package org.convergence.enrolment.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.convergence.contracts.input.DateWindows;
import org.convergence.contracts.input.Identifiers;
import org.convergence.enrolment.domain.DensityKind;
import org.convergence.enrolment.domain.DeploymentStatus;
import org.convergence.enrolment.domain.ExitCategory;
import org.convergence.enrolment.domain.HousingSituation;
import org.convergence.platform.input.KnownProgram;
import org.convergence.platform.input.PlausibleDate;
import org.convergence.platform.input.Text;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Request bodies of the enrolment API. Only what accompaniment needs: no CV, interview or diploma. Read strictly
 * (contracts' {@code StrictJson}): ids in their one format per kind, program codes the catalogue knows, text normalised
 * and readable ({@link Text}), every date within the plausible window of its kind ({@link PlausibleDate}).
 */
public final class Requests {

    private Requests() {
    }

    public record RegisterTerritory(
            @NotNull @Pattern(regexp = Identifiers.SLUG, message = Identifiers.SLUG_MESSAGE) String territoryId,
            @NotNull @Text @Size(max = 200) String name,
            @NotNull DensityKind densityKind) {
    }

    public record RegisterChantier(
            @NotNull @Pattern(regexp = Identifiers.SLUG, message = Identifiers.SLUG_MESSAGE) String chantierId,
            @NotNull @Text @Size(max = 200) String name,
            @NotEmpty @Size(max = 10) List<@Valid @NotNull ProgramCarried> programs) {
    }

    public record ProgramStatus(
            @NotNull DeploymentStatus status,
            @NotNull @PlausibleDate(DateWindows.DECISION) LocalDate effectiveOn) {
    }

    public record Coordination(
            @NotNull @Text @Size(max = 200) String structureName,
            @NotNull @PlausibleDate(DateWindows.DECISION) LocalDate since) {
    }

    public record SteeringCommittee(@NotNull @PlausibleDate(DateWindows.DECISION) LocalDate heldOn) {
    }

    public record ProgramCarried(
            @NotNull @KnownProgram String program,
            @NotNull @PlausibleDate(DateWindows.PROGRAM_START) LocalDate since) {
    }

    /**
     * @param pathwayId     chosen by the caller, so a retried request cannot enrol twice
     * @param participantId the participant's pseudonymous id for a further pathway; a new one if absent
     * @param entryDate     real start date, possibly years back
     * @param identity      for a new participant only: kept sealed in this service, never published
     */
    public record Enrol(
            @NotNull UUID pathwayId,
            UUID participantId,
            @NotNull @KnownProgram String program,
            @NotNull @Pattern(regexp = Identifiers.SLUG, message = Identifiers.SLUG_MESSAGE) String chantierId,
            @NotNull @PlausibleDate(DateWindows.PATHWAY) LocalDate entryDate,
            @Valid IdentityFields identity) {
    }

    /**
     * Only what accompaniment needs to know who the person is: no document number, no health detail. Names arrive
     * normalised (NFC, trimmed) by {@link Text}, so the sealed identity holds one spelling of each name.
     */
    public record IdentityFields(
            @NotNull @Text @Size(max = 100) String firstName,
            @NotNull @Text @Size(max = 100) String lastName,
            @NotNull @PlausibleDate(DateWindows.BIRTH) LocalDate birthDate) {
    }

    /**
     * @param convergencePathwayId chosen by the caller, like any pathway id
     * @param chantierId           where the CDDI is signed; the Premières Heures chantier if absent
     */
    public record Promote(
            @NotNull UUID convergencePathwayId,
            @Pattern(regexp = Identifiers.SLUG, message = Identifiers.SLUG_MESSAGE) String chantierId,
            @NotNull @PlausibleDate(DateWindows.PATHWAY) LocalDate promotionDate) {
    }

    /** A follow-up check-in: the milestone (months after the exit), its date, and what the person's situation is. */
    public record CheckIn(
            @NotNull @Min(1) @Max(12) Integer milestoneMonths,
            @NotNull @PlausibleDate(DateWindows.CHECK_IN) LocalDate checkInDate,
            @NotNull ExitCategory employmentStatus,
            @NotNull HousingSituation housingSituation) {
    }

    public record CorrectEntryDate(@NotNull @PlausibleDate(DateWindows.PATHWAY) LocalDate entryDate) {
    }

    /** An exit, as recorded or as corrected. */
    public record RecordExit(
            @NotNull @PlausibleDate(DateWindows.PATHWAY) LocalDate exitDate,
            @NotNull ExitCategory category,
            HousingSituation housingAtExit) {
    }
}
