package org.convergence.accompaniment.application;

import jakarta.enterprise.context.ApplicationScoped;
import org.convergence.platform.calls.ServiceClient;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.Optional;

/**
 * The enrolment service's identity door for partners,
 * {@code /participants/{id}/identity/through-referral/{territoryId}/{partnerId}/{referralId}}, called with this
 * service's own token (role {@code identity-reader} only, ADR 0027). Enrolment writes the read in its audit trail
 * with the partner and the referral; enrolment not answering is a 503 here (nothing was shown).
 */
@ApplicationScoped
public class EnrolmentIdentities {

    private final ServiceClient enrolment;

    public EnrolmentIdentities(@ConfigProperty(name = "accompaniment.enrolment.url") String base,
                               @ConfigProperty(name = "accompaniment.enrolment.token") Optional<String> token) {
        this.enrolment = new ServiceClient("enrolment", base, token);
    }

    /** What enrolment keeps of who the participant is: names and birth date, nothing else exists there. */
    public record Identity(String firstName, String lastName, LocalDate birthDate) {
    }

    /** The identity, or empty once the participant had it erased. */
    public Optional<Identity> forPartner(String participantId, String territoryId, String partnerId,
                                         String referralId) {
        HttpResponse<String> answer = enrolment.get("participants/" + participantId + "/identity/through-referral/"
                + territoryId + "/" + partnerId + "/" + referralId);
        return switch (answer.statusCode()) {
            case 200 -> Optional.of(enrolment.read(answer, Identity.class));
            case 410 -> Optional.empty();
            case 422 -> throw enrolment.refusal(answer, "IDENTITY_REFUSED");
            default -> throw enrolment.unavailable(answer);
        };
    }
}
