package org.convergence.hours.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import org.axonframework.eventhandling.DomainEventMessage;
import org.convergence.contracts.EventEnvelope;
import org.convergence.contracts.IntegrationEventCodec;
import org.convergence.contracts.Topics;
import org.convergence.contracts.hours.AbsenceMinutesV1;
import org.convergence.contracts.hours.ContractedHoursDecidedV1;
import org.convergence.contracts.hours.HoursEvents;
import org.convergence.contracts.hours.WeekHoursCorrectedV1;
import org.convergence.contracts.hours.WeekHoursRecordedV1;
import org.convergence.hours.domain.AbsenceMinutes;
import org.convergence.hours.domain.HoursMessages.ContractedHoursDecidedEvent;
import org.convergence.hours.domain.HoursMessages.WeekHoursCorrectedEvent;
import org.convergence.hours.domain.HoursMessages.WeekHoursRecordedEvent;
import org.convergence.hours.domain.IsoWeek;
import org.convergence.platform.relay.Envelopes;
import org.convergence.platform.relay.IntegrationEventTranslator;
import org.convergence.platform.relay.OutgoingEvent;

import java.util.List;
import java.util.Set;

/**
 * What the hours context's domain events mean for other services, on {@code convergence.hours.v1}: keyed by pathway,
 * so each pathway's facts keep their order. A week's facts occur on its Monday.
 */
@ApplicationScoped
public class HoursEventTranslator implements IntegrationEventTranslator {

    private final Envelopes envelopes;

    public HoursEventTranslator(IntegrationEventCodec codec) {
        this.envelopes = new Envelopes(codec);
    }

    @Override
    public Set<String> topics() {
        return Set.of(Topics.HOURS);
    }

    @Override
    public List<OutgoingEvent> translate(DomainEventMessage<?> message) {
        Object payload = message.getPayload();
        if (payload instanceof ContractedHoursDecidedEvent e) {
            return publish(envelopes.of(message, HoursEvents.CONTRACTED_HOURS_DECIDED,
                    new ContractedHoursDecidedV1(e.pathwayId(), e.participantId(), e.program(), e.effectiveOn(),
                            e.weeklyHours(), e.previousWeeklyHours(), e.reason().name(), e.decidedBy()),
                    e.effectiveOn(), e.pathwayId(), e.territoryId(), e.chantierId()));
        }
        if (payload instanceof WeekHoursRecordedEvent e) {
            return publish(envelopes.of(message, HoursEvents.WEEK_HOURS_RECORDED,
                    new WeekHoursRecordedV1(e.pathwayId(), e.participantId(), e.program(), e.week(),
                            e.minutesWorked(), absences(e.absences())),
                    monday(e.week()), e.pathwayId(), e.territoryId(), e.chantierId()));
        }
        if (payload instanceof WeekHoursCorrectedEvent e) {
            return publish(envelopes.of(message, HoursEvents.WEEK_HOURS_CORRECTED,
                    new WeekHoursCorrectedV1(e.pathwayId(), e.participantId(), e.program(), e.week(),
                            e.minutesWorked(), absences(e.absences())),
                    monday(e.week()), e.pathwayId(), e.territoryId(), e.chantierId()));
        }
        return List.of();
    }

    private static AbsenceMinutesV1 absences(AbsenceMinutes a) {
        return new AbsenceMinutesV1(a.sickLeave(), a.authorised(), a.unjustified(), a.training());
    }

    private static java.time.LocalDate monday(String week) {
        return IsoWeek.parse(week).orElseThrow().monday();
    }

    private static List<OutgoingEvent> publish(EventEnvelope envelope) {
        return List.of(new OutgoingEvent(Topics.HOURS, envelope));
    }
}
