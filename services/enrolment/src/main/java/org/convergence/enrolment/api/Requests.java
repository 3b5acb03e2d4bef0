package org.convergence.enrolment.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.convergence.enrolment.domain.DensityKind;
import org.convergence.enrolment.domain.DeploymentStatus;
import org.convergence.enrolment.domain.ExitCategory;
import org.convergence.enrolment.domain.HousingSituation;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Request bodies of the enrolment API. Only what accompaniment needs: no CV, interview or diploma. */
public final class Requests {

    /** Territory and chantier ids are short lowercase slugs chosen by the national team, e.g. {@code paris}. */
    static final String SLUG = "^[a-z0-9][a-z0-9-]{1,62}$";
    static final String SLUG_MESSAGE = "must be a lowercase slug (letters, digits, dashes)";

    private Requests() {
    }

    public record RegisterTerritory(
            @NotNull @Pattern(regexp = SLUG, message = SLUG_MESSAGE) String territoryId,
            @NotBlank @Size(max = 200) String name,
            @NotNull DensityKind densityKind) {
    }

    public record RegisterChantier(
            @NotNull @Pattern(regexp = SLUG, message = SLUG_MESSAGE) String chantierId,
            @NotBlank @Size(max = 200) String name,
            @NotEmpty @Size(max = 10) List<@Valid @NotNull ProgramCarried> programs) {
    }

    public record ProgramStatus(@NotNull DeploymentStatus status, @NotNull @PastOrPresent LocalDate effectiveOn) {
    }

    public record Coordination(@NotBlank @Size(max = 200) String structureName, @NotNull LocalDate since) {
    }

    public record SteeringCommittee(@NotNull @PastOrPresent LocalDate heldOn) {
    }

    public record ProgramCarried(@NotBlank String program, @NotNull LocalDate since) {
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
            @NotBlank String program,
            @NotNull @Pattern(regexp = SLUG, message = SLUG_MESSAGE) String chantierId,
            @NotNull @PastOrPresent LocalDate entryDate,
            @Valid IdentityFields identity) {
    }

    /** Only what accompaniment needs to know who the person is: no document number, no health detail. */
    public record IdentityFields(
            @NotBlank @Size(max = 100) String firstName,
            @NotBlank @Size(max = 100) String lastName,
            @NotNull @Past LocalDate birthDate) {
    }

    /**
     * @param convergencePathwayId chosen by the caller, like any pathway id
     * @param chantierId           where the CDDI is signed; the Premières Heures chantier if absent
     */
    public record Promote(
            @NotNull UUID convergencePathwayId,
            @Pattern(regexp = SLUG, message = SLUG_MESSAGE) String chantierId,
            @NotNull @PastOrPresent LocalDate promotionDate) {
    }

    /** A follow-up check-in: the milestone (months after the exit), its date, and what the person's situation is. */
    public record CheckIn(
            @NotNull @Min(1) @Max(12) Integer milestoneMonths,
            @NotNull @PastOrPresent LocalDate checkInDate,
            @NotNull ExitCategory employmentStatus,
            @NotNull HousingSituation housingSituation) {
    }

    public record CorrectEntryDate(@NotNull @PastOrPresent LocalDate entryDate) {
    }

    /** An exit, as recorded or as corrected. */
    public record RecordExit(
            @NotNull @PastOrPresent LocalDate exitDate,
            @NotNull ExitCategory category,
            HousingSituation housingAtExit) {
    }
}
