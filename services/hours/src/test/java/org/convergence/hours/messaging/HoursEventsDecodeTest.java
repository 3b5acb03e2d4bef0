package org.convergence.hours.messaging;

import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.convergence.contracts.EventEnvelope;
import org.convergence.contracts.IntegrationEventCodec;
import org.convergence.contracts.IntegrationEventType;
import org.convergence.contracts.IntegrationEvents;
import org.convergence.contracts.Topics;
import org.convergence.contracts.hours.HoursEvents;
import org.convergence.hours.domain.AbsenceMinutes;
import org.convergence.hours.domain.DecisionReason;
import org.convergence.hours.domain.HoursMessages.ContractedHoursDecidedEvent;
import org.convergence.hours.domain.HoursMessages.WeekHoursCorrectedEvent;
import org.convergence.hours.domain.HoursMessages.WeekHoursRecordedEvent;
import org.convergence.platform.relay.OutgoingEvent;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** What the hours service publishes is what its consumers accept: each fact through the strict codec, unchanged. */
class HoursEventsDecodeTest {

    private final IntegrationEventCodec codec = new IntegrationEventCodec(IntegrationEvents.all());
    private final HoursEventTranslator translator = new HoursEventTranslator(codec);

    @Test
    void everyHoursFactDecodesWithTheStrictCodecKeyedByPathwayAndDatedOnItsWeeksMonday() {
        String pathway = UUID.randomUUID().toString();
        String participant = UUID.randomUUID().toString();
        AbsenceMinutes absences = new AbsenceMinutes(120, 30, 0, 60);
        List<Object> domainEvents = List.of(
                new ContractedHoursDecidedEvent(pathway, participant, "PREMIERES_HEURES", "paris", "emmaus-defi",
                        LocalDate.of(2020, 1, 6), 4, null, DecisionReason.CONTRACT_START, "staff-emmaus-defi"),
                new ContractedHoursDecidedEvent(pathway, participant, "PREMIERES_HEURES", "paris", "emmaus-defi",
                        LocalDate.of(2020, 3, 4), 6, 4, DecisionReason.LADDER_STEP, "staff-emmaus-defi"),
                new WeekHoursRecordedEvent(pathway, participant, "PREMIERES_HEURES", "paris", "emmaus-defi",
                        "2020-W10", 240, absences, "e-1"),
                new WeekHoursCorrectedEvent(pathway, participant, "PREMIERES_HEURES", "paris", "emmaus-defi",
                        "2020-W10", 300, absences, null));
        Set<IntegrationEventType<?>> covered = new java.util.HashSet<>();
        for (Object domainEvent : domainEvents) {
            for (OutgoingEvent out : translator.translate(new GenericDomainEventMessage<>("Aggregate", "a-1", 0,
                    domainEvent))) {
                assertEquals(Topics.HOURS, out.topic());
                EventEnvelope decoded = codec.decode(out.envelope().key(), codec.encode(out.envelope()));
                assertEquals(out.envelope(), decoded);
                assertEquals(pathway, decoded.key());
                assertEquals("emmaus-defi", decoded.chantierId());
                covered.add(codec.typeOf(decoded));
                if (!decoded.type().equals(HoursEvents.CONTRACTED_HOURS_DECIDED.name())) {
                    assertEquals(LocalDate.of(2020, 3, 2), decoded.occurredOn());
                }
            }
        }
        assertEquals(Set.of(HoursEvents.CONTRACTED_HOURS_DECIDED, HoursEvents.WEEK_HOURS_RECORDED,
                HoursEvents.WEEK_HOURS_CORRECTED), covered.stream().collect(Collectors.toSet()));
    }
}
