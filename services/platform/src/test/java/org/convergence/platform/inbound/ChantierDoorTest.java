package org.convergence.platform.inbound;

import org.convergence.contracts.EventEnvelope;
import org.convergence.contracts.Topics;
import org.convergence.contracts.hours.AbsenceMinutesV1;
import org.convergence.contracts.timesheets.TimesheetEvents;
import org.convergence.contracts.timesheets.WeekTimesheetReportedV1;
import org.convergence.platform.messaging.BatchEventHandler;
import org.convergence.platform.messaging.ConsumedEvent;
import org.convergence.platform.messaging.DeadLetterCodes;
import org.convergence.platform.messaging.RejectedEventException;
import org.convergence.testsupport.TestEnvelopes;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** ADR 0021, 0026: a chantier door trusts the topic, not the envelope, for who sent a record. */
class ChantierDoorTest {

    private final List<ConsumedEvent> handled = new ArrayList<>();

    @Test
    void aRecordNamingAnotherChantierThanItsTopicsIsRefusedAndNeverReachesTheDoor() {
        BatchEventHandler door = ChantierDoor.ownTopicOnly(events -> {
            handled.addAll(events);
            // The door refuses its second record: the refusal must come back under that record's own index.
            return Map.of(1, new RejectedEventException("HOURS_ABOVE_MAXIMUM", "too many hours"));
        });
        List<ConsumedEvent> batch = List.of(
                on(Topics.timesheetsOf("emmaus"), "emmaus"),
                on(Topics.timesheetsOf("emmaus"), "emmaus-defi"),
                on(Topics.timesheetsOf("emmaus-defi"), "emmaus-defi"),
                on(Topics.timesheetsOf("emmaus-defi"), "emmaus-defi"),
                on("convergence.timesheets.v1", "emmaus"));

        Map<Integer, RuntimeException> refused = door.handleAll(batch);

        assertEquals(List.of(batch.get(0), batch.get(2), batch.get(3)), handled);
        // The door's second record is the batch's third.
        assertEquals(java.util.Set.of(1, 2, 4), refused.keySet());
        assertEquals("HOURS_ABOVE_MAXIMUM", ((RejectedEventException) refused.get(2)).code());
        RejectedEventException forged = assertInstanceOf(RejectedEventException.class, refused.get(1));
        assertEquals(DeadLetterCodes.CHANTIER_NOT_TOPIC_OWNER, forged.code());
        assertEquals("record on chantier emmaus's topic convergence.chantier.emmaus.timesheets.v1 names chantier "
                + "emmaus-defi: a chantier's topic carries only that chantier's records (ADR 0021); nothing was "
                + "applied", forged.getMessage());
        assertEquals(DeadLetterCodes.CHANTIER_NOT_TOPIC_OWNER, ((RejectedEventException) refused.get(4)).code());
        assertTrue(refused.get(4).getMessage().contains("no chantier's own topic"));
    }

    @Test
    void aBatchOfForgedRecordsOnlyDoesNotCallTheDoor() {
        BatchEventHandler door = ChantierDoor.ownTopicOnly(events -> {
            handled.addAll(events);
            return Map.of();
        });

        Map<Integer, RuntimeException> refused = door.handleAll(List.of(on(Topics.chantierPathwaysOf("a1"), "b2")));

        assertEquals(List.of(), handled);
        assertEquals(1, refused.size());
    }

    private static ConsumedEvent on(String topic, String namedChantier) {
        String pathway = UUID.randomUUID().toString();
        EventEnvelope envelope = TestEnvelopes.envelope(TimesheetEvents.WEEK_TIMESHEET_REPORTED,
                new WeekTimesheetReportedV1(pathway, "2020-W02", 240, new AbsenceMinutesV1(0, 0, 0, 0)),
                LocalDate.of(2020, 1, 6), pathway, "territory", namedChantier);
        return new ConsumedEvent(topic, 0, 0, envelope);
    }
}
