package org.convergence.hours.api;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.convergence.embedded.ConvergenceStackResource;
import org.convergence.hours.Enrolled;
import org.convergence.platform.eventstore.MongoEventStore;
import org.convergence.platform.views.EnrolmentView;
import org.convergence.testsupport.AtOnce;
import org.convergence.testsupport.Tokens;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;

import static org.convergence.testsupport.Rest.as;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The same fact sent by many at once (a chantier software retrying while its staff resend the batch) is stored
 * once: each week and each contract is one stream whose next commit id is the optimistic lock, and a loser of the
 * race is sent again on the fresh state, where it changes nothing.
 */
@QuarkusTest
@WithTestResource(ConvergenceStackResource.class)
class OneFactUnderConcurrencyTest {

    private static final int CALLERS = 8;
    private static final int ROUNDS = Integer.getInteger("concurrency.rounds", 3);

    @Inject
    EnrolmentView view;

    @Inject
    MongoDatabase database;

    @Test
    void theSameWeekSentByManyAtOnceIsRecordedOnceAndEveryCallerIsAnswered() throws Exception {
        try (Enrolled enrolled = new Enrolled(view, LocalDate.of(2019, 1, 7), "PREMIERES_HEURES")) {
            String token = Tokens.staff(enrolled.territory, enrolled.chantier);
            for (int round = 0; round < ROUNDS; round++) {
                String pathway = enrolled.pathway("PREMIERES_HEURES", LocalDate.of(2020, 1, 6));
                String body = """
                        {"lines":[{"pathwayId":"%s","week":"2020-W02","minutesWorked":240}]}""".formatted(pathway);
                List<Response> answers = atOnce(() -> as(token).body(body)
                        .post("/chantiers/" + enrolled.chantier + "/timesheets"));
                assertEquals(List.of(200), answers.stream().map(Response::statusCode).distinct().toList());
                assertEquals(1, answers.stream().filter(a -> a.path("recorded").equals(1)).count());
                assertEquals(CALLERS - 1, answers.stream().filter(a -> a.path("unchanged").equals(1)).count());
                assertEquals(1, commits("hours-week:" + pathway + ":2020-W02"));
            }
        }
    }

    @Test
    void theSameDecisionSentByManyAtOnceIsRecordedOnce() throws Exception {
        try (Enrolled enrolled = new Enrolled(view, LocalDate.of(2019, 1, 7), "PREMIERES_HEURES")) {
            String token = Tokens.coordinator(enrolled.territory);
            for (int round = 0; round < ROUNDS; round++) {
                String pathway = enrolled.pathway("PREMIERES_HEURES", LocalDate.of(2020, 1, 6));
                List<Response> answers = atOnce(() -> as(token).body("""
                        {"effectiveOn":"2020-01-06","weeklyHours":4,"reason":"CONTRACT_START"}""")
                        .post("/pathways/" + pathway + "/contracted-hours"));
                assertEquals(List.of(200), answers.stream().map(Response::statusCode).distinct().toList());
                assertEquals(1, commits("hours-contract:" + pathway));
            }
        }
    }

    /** How many commits the stream holds, following its chain by {@code _id} as the store does. */
    private int commits(String stream) {
        int count = 0;
        long next = 0;
        org.bson.Document commit;
        while ((commit = database.getCollection(MongoEventStore.COMMITS)
                .find(Filters.eq("_id", stream + ":" + next)).first()) != null) {
            count++;
            next = commit.get("last", Number.class).longValue() + 1;
        }
        return count;
    }

    private static List<Response> atOnce(Callable<Response> call) throws Exception {
        return AtOnce.run(Collections.nCopies(CALLERS, call));
    }
}
