package org.convergence.hours.messaging;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
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
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Chantier software's Kafka door, on each chantier's own topic: weekly timesheets are recorded and published as hours
 * facts; a record the rules refuse, a malformed one, or one naming another chantier than its topic's goes to the
 * topic's dead-letter topic with its reason, and the records behind it are recorded; a record delivered twice is one
 * fact.
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
    void validWeeksAreRecordedOnceAndRefusedRecordsAreDeadLetteredWithTheirReasonWithoutStoppingTheOthers()
            throws Exception {
        try (Enrolled enrolled = new Enrolled(view, LocalDate.of(2019, 1, 7), "PREMIERES_HEURES");
             EventPublisher publisher = new EventPublisher();
             TopicReader hours = new TopicReader(ConvergenceStack.kafkaBootstrapServers(), Topics.HOURS);
             TopicReader deadLetters = new TopicReader(ConvergenceStack.kafkaBootstrapServers(),
                     Topics.deadLetterOf(Topics.timesheetsOf(enrolled.chantier)));
             TopicReader othersDeadLetters = new TopicReader(ConvergenceStack.kafkaBootstrapServers(),
                     Topics.deadLetterOf(Topics.timesheetsOf("another-chantier")))) {
            String pathway = enrolled.pathway("PREMIERES_HEURES", LocalDate.of(2020, 1, 6));
            String ownTopic = Topics.timesheetsOf(enrolled.chantier);
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                    ConvergenceStack.kafkaBootstrapServers()))) {
                assertTrue(!admin.listTopics().names().get().contains(ownTopic),
                        "the chantier's topic is created after the door started: the door finds it");
            }
            EventEnvelope week2 = timesheet(enrolled, pathway, enrolled.chantier, "2020-W02", 240, NO_ABSENCE);
            publisher.publish(ownTopic, week2);
            publisher.publish(ownTopic, week2); // delivered again
            publisher.publish(ownTopic, timesheet(enrolled, pathway, enrolled.chantier, "2020-W03", 3000,
                    new AbsenceMinutesV1(0, 0, 0, 700)));
            // Our topic, another chantier named: refused on the topic alone, whatever the pathway.
            publisher.publish(ownTopic, timesheet(enrolled, pathway, "another-chantier", "2020-W03", 240,
                    NO_ABSENCE));
            publisher.raw(ownTopic, pathway, "{\"type\":\"timesheet.week-reported\",\"minutesWorked\":\"four\"}");
            publisher.publish(ownTopic, timesheet(enrolled, pathway, enrolled.chantier, "2020-W04", 480,
                    new AbsenceMinutesV1(60, 0, 0, 0)));
            // Another chantier's software, on its own topic, about our pathway: the rule refuses it.
            publisher.publish(Topics.timesheetsOf("another-chantier"), timesheet(enrolled, pathway,
                    "another-chantier", "2020-W05", 240, NO_ABSENCE));

            List<ConsumerRecord<String, byte[]>> published = hours.readKey(pathway, 2, Duration.ofSeconds(60));
            assertEquals(List.of(HoursEvents.WEEK_HOURS_RECORDED.name(), HoursEvents.WEEK_HOURS_RECORDED.name()),
                    published.stream().map(r -> TestEnvelopes.CODEC.decode(r.value()).type()).toList());
            List<ConsumerRecord<String, byte[]>> refused = deadLetters.readKey(pathway, 3, Duration.ofSeconds(60));
            List<String> reasons = refused.stream().map(r -> new String(
                    r.headers().lastHeader(DeadLetterHeaders.REASON).value(), StandardCharsets.UTF_8)).toList();
            assertEquals(3, reasons.size(), reasons.toString());
            assertTrue(reasons.get(0).startsWith("HOURS_ABOVE_MAXIMUM: "), reasons.get(0));
            assertEquals("CHANTIER_NOT_TOPIC_OWNER", new String(refused.get(1).headers()
                    .lastHeader(DeadLetterHeaders.CODE).value(), StandardCharsets.UTF_8));
            assertTrue(reasons.get(1).startsWith("record on chantier " + enrolled.chantier + "'s topic " + ownTopic
                    + " names chantier another-chantier"), reasons.get(1));
            assertTrue(reasons.get(2).contains("minutesWorked") || reasons.get(2).contains("payload"),
                    reasons.get(2));

            assertTrue(commitExists(pathway, "2020-W02", 0));
            assertTrue(!commitExists(pathway, "2020-W02", 1), "the record delivered again stored a second fact");
            assertTrue(!commitExists(pathway, "2020-W03", 0), "a refused record stored something");
            assertTrue(commitExists(pathway, "2020-W04", 0));
            List<ConsumerRecord<String, byte[]>> theirs = othersDeadLetters.readKey(pathway, 1,
                    Duration.ofSeconds(60));
            assertEquals(1, theirs.size());
            assertTrue(new String(theirs.get(0).headers().lastHeader(DeadLetterHeaders.REASON).value(),
                    StandardCharsets.UTF_8).startsWith("PATHWAY_OF_ANOTHER_CHANTIER: "));
            assertTrue(!commitExists(pathway, "2020-W05", 0), "another chantier's week was stored");
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
