package org.convergence.hours.messaging;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.convergence.contracts.EventEnvelope;
import org.convergence.contracts.Topics;
import org.convergence.contracts.hours.AbsenceMinutesV1;
import org.convergence.contracts.hours.HoursEvents;
import org.convergence.contracts.timesheets.TimesheetEvents;
import org.convergence.contracts.timesheets.WeekTimesheetReportedV1;
import org.convergence.embedded.ConvergenceStack;
import org.convergence.embedded.ConvergenceStackResource;
import org.convergence.hours.Enrolled;
import org.convergence.platform.eventstore.MongoEventStore;
import org.convergence.platform.messaging.DeadLetterHeaders;
import org.convergence.platform.views.EnrolmentView;
import org.convergence.testsupport.EventPublisher;
import org.convergence.testsupport.TestEnvelopes;
import org.convergence.testsupport.TopicReader;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Chantier software's Kafka door: weekly timesheets are recorded and published as hours facts; a record the rules
 * refuse, or a malformed one, goes to the dead-letter topic with its reason, and the records behind it are recorded;
 * a record delivered twice is one fact.
 */
@QuarkusTest
@WithTestResource(ConvergenceStackResource.class)
class TimesheetTopicTest {

    private static final AbsenceMinutesV1 NO_ABSENCE = new AbsenceMinutesV1(0, 0, 0, 0);

    @Inject
    EnrolmentView view;

    @Inject
    MongoDatabase database;

    @Test
    void validWeeksAreRecordedOnceAndRefusedRecordsAreDeadLetteredWithTheirReasonWithoutStoppingTheOthers() {
        try (Enrolled enrolled = new Enrolled(view, LocalDate.of(2019, 1, 7), "PREMIERES_HEURES");
             EventPublisher publisher = new EventPublisher();
             TopicReader hours = new TopicReader(ConvergenceStack.kafkaBootstrapServers(), Topics.HOURS);
             TopicReader deadLetters = new TopicReader(ConvergenceStack.kafkaBootstrapServers(),
                     Topics.deadLetterOf(Topics.TIMESHEETS))) {
            String pathway = enrolled.pathway("PREMIERES_HEURES", LocalDate.of(2020, 1, 6));
            EventEnvelope week2 = timesheet(enrolled, pathway, enrolled.chantier, "2020-W02", 240, NO_ABSENCE);
            publisher.publish(Topics.TIMESHEETS, week2);
            publisher.publish(Topics.TIMESHEETS, week2); // delivered again
            publisher.publish(Topics.TIMESHEETS, timesheet(enrolled, pathway, enrolled.chantier, "2020-W03", 3000,
                    new AbsenceMinutesV1(0, 0, 0, 700)));
            publisher.publish(Topics.TIMESHEETS, timesheet(enrolled, pathway, "another-chantier", "2020-W03", 240,
                    NO_ABSENCE));
            publisher.raw(Topics.TIMESHEETS, pathway, "{\"type\":\"timesheet.week-reported\",\"minutesWorked\":\"four\"}");
            publisher.publish(Topics.TIMESHEETS, timesheet(enrolled, pathway, enrolled.chantier, "2020-W04", 480,
                    new AbsenceMinutesV1(60, 0, 0, 0)));

            List<ConsumerRecord<String, byte[]>> published = hours.readKey(pathway, 2, Duration.ofSeconds(60));
            assertEquals(List.of(HoursEvents.WEEK_HOURS_RECORDED.name(), HoursEvents.WEEK_HOURS_RECORDED.name()),
                    published.stream().map(r -> TestEnvelopes.CODEC.decode(r.value()).type()).toList());
            List<ConsumerRecord<String, byte[]>> refused = deadLetters.readKey(pathway, 3, Duration.ofSeconds(60));
            List<String> reasons = refused.stream().map(r -> new String(
                    r.headers().lastHeader(DeadLetterHeaders.REASON).value(), StandardCharsets.UTF_8)).toList();
            assertEquals(3, reasons.size(), reasons.toString());
            assertTrue(reasons.get(0).startsWith("HOURS_ABOVE_MAXIMUM: "), reasons.get(0));
            assertTrue(reasons.get(1).startsWith("PATHWAY_OF_ANOTHER_CHANTIER: "), reasons.get(1));
            assertTrue(reasons.get(2).contains("minutesWorked") || reasons.get(2).contains("payload"),
                    reasons.get(2));

            assertTrue(commitExists(pathway, "2020-W02", 0));
            assertTrue(!commitExists(pathway, "2020-W02", 1), "the record delivered again stored a second fact");
            assertTrue(!commitExists(pathway, "2020-W03", 0), "a refused record stored something");
            assertTrue(commitExists(pathway, "2020-W04", 0));
        }
    }

    private boolean commitExists(String pathway, String week, long sequence) {
        return database.getCollection(MongoEventStore.COMMITS)
                .find(Filters.eq("_id", "hours-week:" + pathway + ":" + week + ":" + sequence)).first() != null;
    }

    private static EventEnvelope timesheet(Enrolled enrolled, String pathway, String chantier, String week,
                                           int minutes, AbsenceMinutesV1 absences) {
        return TestEnvelopes.envelope(TimesheetEvents.WEEK_TIMESHEET_REPORTED,
                new WeekTimesheetReportedV1(pathway, week, minutes, absences), LocalDate.of(2020, 1, 6), pathway,
                enrolled.territory, chantier);
    }
}
