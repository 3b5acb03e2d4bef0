package org.convergence.hours.messaging;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.convergence.contracts.EventEnvelope;
import org.convergence.contracts.Topics;
import org.convergence.contracts.hours.AbsenceMinutesV1;
import org.convergence.contracts.timesheets.TimesheetEvents;
import org.convergence.contracts.timesheets.WeekTimesheetReportedV1;
import org.convergence.embedded.ConvergenceStackResource;
import org.convergence.hours.Enrolled;
import org.convergence.platform.views.EnrolmentView;
import org.convergence.testsupport.EventPublisher;
import org.convergence.testsupport.TestEnvelopes;
import org.convergence.testsupport.Tokens;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;

import static org.awaitility.Awaitility.await;
import static org.convergence.testsupport.Rest.as;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;

/**
 * A chantier's staff read what their software sent wrong on the timesheet topic, through the real broker: each
 * dead-lettered timesheet (refused by a rule or unreadable, or naming another chantier) is listed under the chantier
 * whose topic it came on, whatever it names, with the rule's code; another chantier's staff neither see it nor may read the list.
 */
@QuarkusTest
@WithTestResource(ConvergenceStackResource.class)
class TimesheetRejectionsListTest {

    private static final AbsenceMinutesV1 NO_ABSENCE = new AbsenceMinutesV1(0, 0, 0, 0);

    @Inject
    EnrolmentView view;

    @Test
    void aChantiersStaffReadTheTimesheetsTheirSoftwareSentThatWereNotRecordedWithTheRulesCode() {
        try (Enrolled enrolled = new Enrolled(view, LocalDate.of(2019, 1, 7), "PREMIERES_HEURES");
             Enrolled other = new Enrolled(view, LocalDate.of(2019, 1, 7), "PREMIERES_HEURES");
             EventPublisher publisher = new EventPublisher()) {
            String pathway = enrolled.pathway("PREMIERES_HEURES", LocalDate.of(2020, 1, 6));
            String theirs = other.pathway("PREMIERES_HEURES", LocalDate.of(2020, 1, 6));
            String ownTopic = Topics.timesheetsOf(enrolled.chantier);
            publisher.publish(ownTopic, timesheet(enrolled, pathway, "2020-W03", 3000,
                    new AbsenceMinutesV1(0, 0, 0, 700)));
            publisher.publish(ownTopic, timesheet(enrolled, theirs, "2020-W03", 240, NO_ABSENCE));
            publisher.raw(ownTopic, pathway, "{\"chantierId\":\"" + other.chantier
                    + "\",\"type\":\"timesheet.week-reported\",\"minutesWorked\":\"four\"}");
            // On our topic, naming the other chantier, about its pathway: listed for us, the sender, not for them.
            publisher.publish(ownTopic, TestEnvelopes.envelope(TimesheetEvents.WEEK_TIMESHEET_REPORTED,
                    new WeekTimesheetReportedV1(theirs, "2020-W05", 240, NO_ABSENCE), LocalDate.of(2020, 1, 6),
                    theirs, other.territory, other.chantier));
            publisher.publish(ownTopic, timesheet(enrolled, pathway, "2020-W04", 240, NO_ABSENCE));

            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> as(Tokens.staff(enrolled.territory,
                    enrolled.chantier)).get("/chantiers/" + enrolled.chantier + "/inbound-rejections").then()
                    .statusCode(200)
                    .body("rejections.code", hasItems("HOURS_ABOVE_MAXIMUM", "PATHWAY_OF_ANOTHER_CHANTIER",
                            "MALFORMED_RECORD", "CHANTIER_NOT_TOPIC_OWNER"))
                    .body("rejections.key", hasItems(pathway, theirs))
                    .body("rejections.type", hasItem(TimesheetEvents.WEEK_TIMESHEET_REPORTED.name())));
            as(Tokens.staff(other.territory, other.chantier)).get("/chantiers/" + other.chantier
                    + "/inbound-rejections").then().statusCode(200).body("rejections", hasSize(0));
            as(Tokens.staff(other.territory, other.chantier)).get("/chantiers/" + enrolled.chantier
                    + "/inbound-rejections").then().statusCode(403);
            as(Tokens.coordinator(other.territory)).get("/chantiers/" + enrolled.chantier
                    + "/inbound-rejections").then().statusCode(403);
            as(Tokens.coordinator(enrolled.territory)).get("/chantiers/" + enrolled.chantier
                    + "/inbound-rejections").then().statusCode(200);
        }
    }

    private static EventEnvelope timesheet(Enrolled enrolled, String pathway, String week, int minutes,
                                           AbsenceMinutesV1 absences) {
        return TestEnvelopes.envelope(TimesheetEvents.WEEK_TIMESHEET_REPORTED,
                new WeekTimesheetReportedV1(pathway, week, minutes, absences), LocalDate.of(2020, 1, 6), pathway,
                enrolled.territory, enrolled.chantier);
    }
}
