package org.convergence.enrolment.messaging;

import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.convergence.contracts.EventEnvelope;
import org.convergence.contracts.IntegrationEventCodec;
import org.convergence.contracts.IntegrationEventType;
import org.convergence.contracts.IntegrationEvents;
import org.convergence.contracts.catalog.ContractCatalog;
import org.convergence.contracts.Topics;
import org.convergence.enrolment.domain.ChantierMessages.ChantierRegisteredEvent;
import org.convergence.enrolment.domain.ChantierMessages.ProgramStartedEvent;
import org.convergence.enrolment.domain.DensityKind;
import org.convergence.enrolment.domain.DeploymentStatus;
import org.convergence.enrolment.domain.ExitCategory;
import org.convergence.enrolment.domain.HousingSituation;
import org.convergence.enrolment.domain.PathwayMessages.CheckInRecordedEvent;
import org.convergence.enrolment.domain.PathwayMessages.EntryDateCorrectedEvent;
import org.convergence.enrolment.domain.PathwayMessages.ExitCorrectedEvent;
import org.convergence.enrolment.domain.PathwayMessages.ParticipantEnrolledEvent;
import org.convergence.enrolment.domain.PathwayMessages.PathwayExitRecordedEvent;
import org.convergence.enrolment.domain.PathwayMessages.PromotedToConvergenceEvent;
import org.convergence.enrolment.domain.ProgramStart;
import org.convergence.enrolment.domain.TerritoryMessages.CoordinationDesignatedEvent;
import org.convergence.enrolment.domain.TerritoryMessages.ProgramStatusChangedEvent;
import org.convergence.enrolment.domain.TerritoryMessages.SteeringCommitteeHeldEvent;
import org.convergence.enrolment.domain.TerritoryMessages.TerritoryRegisteredEvent;
import org.convergence.platform.relay.OutgoingEvent;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * What the enrolment service publishes is what its consumers accept: every domain event the translator turns into
 * an integration event, historic and optional variants included, goes through the strict codec unchanged.
 */
class TranslatedEventsDecodeTest {

    private final IntegrationEventCodec codec = new IntegrationEventCodec(IntegrationEvents.all());
    private final EnrolmentEventTranslator translator = new EnrolmentEventTranslator(codec);

    private final String participant = UUID.randomUUID().toString();
    private final String pathway = UUID.randomUUID().toString();
    private final String convergencePathway = UUID.randomUUID().toString();
    private final LocalDate today = LocalDate.now();

    @Test
    void every_translated_event_decodes_with_the_strict_codec_and_keeps_its_payload() {
        Set<IntegrationEventType<?>> covered = new HashSet<>();
        for (Object domainEvent : domainEvents()) {
            for (OutgoingEvent out : translator.translate(
                    new GenericDomainEventMessage<>("Aggregate", "a-1", 0, domainEvent))) {
                EventEnvelope decoded = codec.decode(out.envelope().key(), codec.encode(out.envelope()));
                IntegrationEventType<?> type = codec.typeOf(decoded);
                assertEquals(out.envelope(), decoded, type.toString());
                assertEquals(codec.payload(out.envelope(), type), codec.payload(decoded, type), type.toString());
                covered.add(type);
            }
        }
        Set<IntegrationEventType<?>> enrolments = new HashSet<>(IntegrationEvents.all());
        enrolments.removeIf(type -> !Topics.ENROLMENT.equals(ContractCatalog.discovered().topicOf(type)));
        assertEquals(enrolments, covered, "a registered type of the enrolment topic is not exercised here");
    }

    private List<Object> domainEvents() {
        return List.of(
                new TerritoryRegisteredEvent("paris", "Paris", DensityKind.URBAN),
                new ProgramStatusChangedEvent("paris", "CONVERGENCE", DeploymentStatus.OPERATIONAL, today),
                new CoordinationDesignatedEvent("paris", "Aurore", today.plusMonths(11)),
                new SteeringCommitteeHeldEvent("paris", today),
                new ChantierRegisteredEvent("emmaus-defi", "paris", "Emmaüs Défi", List.of(
                        new ProgramStart("CONVERGENCE", LocalDate.of(1990, 1, 1)),
                        new ProgramStart("PREMIERES_HEURES", today.plusMonths(11)))),
                new ProgramStartedEvent("emmaus-defi", "paris", "PETITS_PAS", today.plusMonths(6)),
                new ParticipantEnrolledEvent(pathway, participant, "PREMIERES_HEURES", "paris", "emmaus-defi",
                        LocalDate.of(1990, 1, 1), null),
                new ParticipantEnrolledEvent(convergencePathway, participant, "CONVERGENCE", "paris", "emmaus-defi",
                        today, pathway),
                new PromotedToConvergenceEvent(pathway, participant, "paris", "emmaus-defi", convergencePathway,
                        today),
                new PathwayExitRecordedEvent(pathway, participant, "CONVERGENCE", "paris", "emmaus-defi", today,
                        ExitCategory.POSITIVE_EXIT, HousingSituation.SOCIAL_HOUSING),
                new PathwayExitRecordedEvent(pathway, participant, "CONVERGENCE", "paris", "emmaus-defi",
                        LocalDate.of(2015, 6, 30), null, null),
                new EntryDateCorrectedEvent(pathway, participant, "paris", "emmaus-defi", LocalDate.of(2019, 1, 7),
                        LocalDate.of(2019, 1, 14)),
                new ExitCorrectedEvent(pathway, participant, "CONVERGENCE", "paris", "emmaus-defi", today,
                        ExitCategory.NEUTRALISED, null),
                new CheckInRecordedEvent(pathway, participant, "paris", "emmaus-defi", 12, today,
                        ExitCategory.DURABLE_EMPLOYMENT, HousingSituation.PRIVATE_HOUSING));
    }
}
