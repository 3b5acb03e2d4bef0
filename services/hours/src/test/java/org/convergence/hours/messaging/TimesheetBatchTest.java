package org.convergence.hours.messaging;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.bson.Document;
import org.convergence.contracts.EventEnvelope;
import org.convergence.contracts.Topics;
import org.convergence.contracts.hours.AbsenceMinutesV1;
import org.convergence.contracts.timesheets.TimesheetEvents;
import org.convergence.contracts.timesheets.WeekTimesheetReportedV1;
import org.convergence.embedded.ConvergenceStackResource;
import org.convergence.hours.Enrolled;
import org.convergence.platform.eventstore.MongoEventStore;
import org.convergence.platform.messaging.ConsumedEvent;
import org.convergence.platform.messaging.RejectedEventException;
import org.convergence.platform.views.EnrolmentView;
import org.convergence.testsupport.TestEnvelopes;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One poll of the timesheet door is recorded as batches of commands appended together (ADR 0008, 0030): within one
 * polled batch the guarantees of a record-by-record door still hold. Called on the door's batch handler directly, so
 * that every record is certainly in the same batch.
 */
@QuarkusTest
@WithTestResource(ConvergenceStackResource.class)
class TimesheetBatchTest {

    private static final AbsenceMinutesV1 NO_ABSENCE = new AbsenceMinutesV1(0, 0, 0, 0);

    @Inject
    TimesheetDoor door;

    @Inject
    EnrolmentView view;

    @Inject
    MongoDatabase database;

    @Test
    void inOneBatchARefusedRecordIsRejectedAloneADuplicateIsStoredOnceAndACorrectionIsANewEvent() {
        try (Enrolled enrolled = new Enrolled(view, LocalDate.of(2019, 1, 7), "PREMIERES_HEURES")) {
            List<String> pathways = enrolled.pathways(3, "PREMIERES_HEURES", LocalDate.of(2020, 1, 6));
            String first = pathways.get(0);
            EventEnvelope week2 = timesheet(enrolled, first, "2020-W02", 240, NO_ABSENCE);
            List<EventEnvelope> batch = new ArrayList<>();
            batch.add(week2);
            batch.add(week2); // the same record delivered twice in one poll
            batch.add(timesheet(enrolled, pathways.get(1), "2020-W02", 3000, new AbsenceMinutesV1(0, 0, 0, 700)));
            batch.add(timesheet(enrolled, pathways.get(2), "2020-W02", 480, NO_ABSENCE));
            batch.add(timesheet(enrolled, first, "2020-W02", 300, NO_ABSENCE)); // new figures: a correction
            batch.add(timesheet(enrolled, first, "2020-W03", 360, NO_ABSENCE));

            Map<Integer, RuntimeException> rejected = door.handleAll(consumed(enrolled, batch));

            assertEquals(List.of(2), List.copyOf(rejected.keySet()), "only the refused record is rejected");
            RejectedEventException reason = (RejectedEventException) rejected.get(2);
            assertTrue(reason.getMessage().startsWith("HOURS_ABOVE_MAXIMUM: "), reason.getMessage());
            assertTrue(commitExists(first, "2020-W02", 0), "the first report of the week is stored");
            assertTrue(commitExists(first, "2020-W02", 1), "the correction is stored as a second event");
            assertTrue(!commitExists(first, "2020-W02", 2), "the record delivered twice was stored twice");
            assertTrue(!commitExists(pathways.get(1), "2020-W02", 0), "the refused record stored something");
            assertTrue(commitExists(pathways.get(2), "2020-W02", 0), "the record behind the refused one is lost");
            assertTrue(commitExists(first, "2020-W03", 0));
            assertTrue(eventType(first, "2020-W02", 1).endsWith("WeekHoursCorrectedEvent"),
                    eventType(first, "2020-W02", 1));
        }
    }

    private List<ConsumedEvent> consumed(Enrolled enrolled, List<EventEnvelope> envelopes) {
        List<ConsumedEvent> events = new ArrayList<>();
        for (int i = 0; i < envelopes.size(); i++) {
            events.add(new ConsumedEvent(Topics.timesheetsOf(enrolled.chantier), 0, i, envelopes.get(i)));
        }
        return events;
    }

    private boolean commitExists(String pathway, String week, long sequence) {
        return database.getCollection(MongoEventStore.COMMITS)
                .find(Filters.eq("_id", "hours-week:" + pathway + ":" + week + ":" + sequence)).first() != null;
    }

    private String eventType(String pathway, String week, long sequence) {
        return database.getCollection(MongoEventStore.COMMITS)
                .find(Filters.eq("_id", "hours-week:" + pathway + ":" + week + ":" + sequence)).first()
                .getList("events", Document.class).get(0).getString("type");
    }

    private static EventEnvelope timesheet(Enrolled enrolled, String pathway, String week, int minutes,
                                           AbsenceMinutesV1 absences) {
        return TestEnvelopes.envelope(TimesheetEvents.WEEK_TIMESHEET_REPORTED,
                new WeekTimesheetReportedV1(pathway, week, minutes, absences), LocalDate.of(2020, 1, 6), pathway,
                enrolled.territory, enrolled.chantier);
    }
}
