package org.convergence.accompaniment.api;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.convergence.accompaniment.domain.BarrierCategory;
import org.convergence.accompaniment.domain.PartnerKind;
import org.convergence.accompaniment.domain.ReferralStatus;
import org.convergence.contracts.input.Identifiers;
import org.convergence.platform.input.PlausibleDate;
import org.convergence.platform.input.Text;

import java.time.LocalDate;
import java.util.UUID;

/** Request bodies of the partner directory and referrals. No free text about the person or their health. */
public final class PartnerRequests {

    private PartnerRequests() {
    }

    public record RegisterPartner(
            @NotNull @Pattern(regexp = Identifiers.SLUG, message = Identifiers.SLUG_MESSAGE) String partnerId,
            @NotNull @Text @Size(max = 200) String name,
            @NotNull PartnerKind kind) {
    }

    /**
     * @param referralId             chosen by the caller, so a retried request cannot refer twice
     * @param identitySharingConsent the participant agreed that the partner may read their identity
     */
    public record SendReferral(
            @NotNull UUID referralId,
            @NotNull UUID pathwayId,
            @NotNull BarrierCategory category,
            @NotNull @PlausibleDate(Requests.ACCOMPANIMENT_DATES) LocalDate sentOn,
            @NotNull Boolean identitySharingConsent) {
    }

    public record Cancel(@NotNull @PlausibleDate(Requests.ACCOMPANIMENT_DATES) LocalDate cancelledOn) {
    }

    /** @param status {@code ACCEPTED}, {@code DECLINED} or {@code COMPLETED} */
    public record Answer(
            @NotNull ReferralStatus status,
            @NotNull @PlausibleDate(Requests.ACCOMPANIMENT_DATES) LocalDate answeredOn) {
    }
}
