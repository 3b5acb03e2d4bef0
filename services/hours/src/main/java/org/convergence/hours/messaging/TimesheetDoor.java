package org.convergence.hours.messaging;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.axonframework.messaging.MetaData;
import org.convergence.contracts.EventEnvelope;
import org.convergence.contracts.IntegrationEventCodec;
import org.convergence.contracts.InvalidIntegrationEventException;
import org.convergence.contracts.Topics;
import org.convergence.contracts.hours.AbsenceMinutesV1;
import org.convergence.contracts.timesheets.TimesheetEvents;
import org.convergence.contracts.timesheets.WeekTimesheetReportedV1;
import org.convergence.hours.application.Timesheets;
import org.convergence.hours.application.WeekReport;
import org.convergence.hours.application.WeekResult;
import org.convergence.hours.domain.AbsenceMinutes;
import org.convergence.hours.domain.PathwayTerms;
import org.convergence.platform.axon.RecordedBy;
import org.convergence.platform.domain.RuleViolationException;
import org.convergence.platform.messaging.ConsumedEvent;
import org.convergence.platform.inbound.ChantierDoor;
import org.convergence.platform.inbound.InboundRejections;
import org.convergence.platform.messaging.ConsumerDeclaration;
import org.convergence.platform.messaging.DeadLetterCodes;
import org.convergence.platform.messaging.RejectedEventException;
import org.convergence.platform.messaging.RetryLaterException;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Kafka door of chantier software: weekly timesheets from each chantier's own topic ({@link Topics#timesheetsOf},
 * all read by {@link Topics#TIMESHEETS_PATTERN}, ADR 0021), recorded as the REST door's are ({@link Timesheets}).
 * The topic is the sender: a record whose envelope names another chantier than its topic's is refused
 * ({@code CHANTIER_NOT_TOPIC_OWNER}) before this door sees it ({@link ChantierDoor}, ADR 0026). Records of a poll
 * are recorded together, per reporting chantier. A record the rules refuse is dead-lettered with the rule's code and
 * reason and the records behind it go on; a record naming a pathway this service's enrolment view has not received
 * yet waits (platform retry-later), then is dead-lettered.
 * Idempotent: a record delivered again is recognised by its event id in its week's stream.
 *
 * <p>Every dead letter of this door, malformed or refused, is listed under the chantier whose topic it came on
 * ({@link InboundRejections}, ADR 0018, 0021), where that chantier's staff read it ({@code GET
 * /chantiers/{id}/inbound-rejections}); the dead letter's code is the rule's code, as REST answers it.
 */
@Singleton
public class TimesheetDoor {

    public static final String CONSUMER = "timesheets";

    private final IntegrationEventCodec codec;
    private final Timesheets timesheets;
    private final InboundRejections rejections;

    public TimesheetDoor(IntegrationEventCodec codec, Timesheets timesheets, InboundRejections rejections) {
        this.codec = codec;
        this.timesheets = timesheets;
        this.rejections = rejections;
    }

    /** Every chantier's own timesheets topic, those created while running included; not rebuildable (commands). */
    @Produces
    @Singleton
    ConsumerDeclaration timesheetConsumer() {
        return ChantierDoor.declaration(CONSUMER, Topics.TIMESHEETS_PATTERN, this::handleAll, rejections);
    }

    Map<Integer, RuntimeException> handleAll(List<ConsumedEvent> events) {
        Map<Integer, RuntimeException> rejected = new HashMap<>();
        Map<String, List<Integer>> byChantier = new LinkedHashMap<>();
        List<WeekReport> reports = new ArrayList<>(events.size());
        for (int i = 0; i < events.size(); i++) {
            EventEnvelope envelope = events.get(i).envelope();
            WeekReport report = null;
            try {
                report = reportOf(events.get(i));
                byChantier.computeIfAbsent(envelope.chantierId(), c -> new ArrayList<>()).add(i);
            } catch (InvalidIntegrationEventException | RejectedEventException refused) {
                rejected.put(i, refused);
            }
            reports.add(report);
        }
        List<WeekReport> readable = reports.stream().filter(r -> r != null).toList();
        // The pathways are read once for the whole poll: to tell the unknown ones, then to decide every week.
        Map<String, PathwayTerms> known = timesheets.knownPathways(readable);
        List<String> unknown = Timesheets.unknownPathways(readable, known);
        if (!unknown.isEmpty()) {
            // Nothing applied yet: the loop retries record by record, and only those records wait.
            throw new RetryLaterException("pathway " + unknown.get(0)
                    + " is not known to the hours service's enrolment view (yet)");
        }
        byChantier.forEach((chantierId, indexes) -> {
            List<WeekReport> ofChantier = indexes.stream().map(reports::get).toList();
            List<WeekResult> results = RecordedBy.as("chantier-software:" + chantierId,
                    () -> timesheets.record(chantierId, ofChantier, known,
                            MetaData.with("source", Topics.timesheetsOf(chantierId))));
            for (int k = 0; k < indexes.size(); k++) {
                WeekResult result = results.get(k);
                if (result.refused()) {
                    rejected.put(indexes.get(k), reasonOf(result.refusal()));
                }
            }
        });
        return rejected;
    }

    private WeekReport reportOf(ConsumedEvent event) {
        EventEnvelope envelope = event.envelope();
        if (!TimesheetEvents.WEEK_TIMESHEET_REPORTED.name().equals(envelope.type())) {
            throw new RejectedEventException(DeadLetterCodes.MALFORMED_RECORD, "type " + envelope.type()
                    + " is not a timesheet of " + Topics.CHANTIER_TIMESHEETS_ADDRESS);
        }
        // The decoder thread already read the payload as its record (ADR 0044): not read again on this thread.
        WeekTimesheetReportedV1 timesheet = event.payload(TimesheetEvents.WEEK_TIMESHEET_REPORTED, codec);
        AbsenceMinutesV1 a = timesheet.absences();
        return new WeekReport(timesheet.pathwayId(), timesheet.week(), timesheet.minutesWorked(),
                new AbsenceMinutes(a.sickLeave(), a.authorised(), a.unjustified(), a.training()),
                envelope.eventId());
    }

    /** A rule's refusal becomes the dead letter's reason, code first; anything else fails the batch (retried). */
    private static RuntimeException reasonOf(RuntimeException refusal) {
        if (refusal instanceof RuleViolationException rule) {
            return new RejectedEventException(rule.code(), rule.code() + ": " + rule.getMessage(), rule);
        }
        throw refusal;
    }
}
