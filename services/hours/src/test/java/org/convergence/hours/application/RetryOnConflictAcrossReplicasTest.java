package org.convergence.hours.application;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.axonframework.config.Configuration;
import org.axonframework.config.Configurer;
import org.axonframework.messaging.MetaData;
import org.convergence.embedded.ConvergenceStackResource;
import org.convergence.hours.Enrolled;
import org.convergence.hours.config.HoursAxonModule;
import org.convergence.hours.domain.AbsenceMinutes;
import org.convergence.hours.domain.HoursMessages.WeekOutcome;
import org.convergence.platform.axon.AxonRuntime;
import org.convergence.platform.axon.Commands;
import org.convergence.platform.axon.RecordedBy;
import org.convergence.platform.eventstore.MongoEventStore;
import org.convergence.platform.programs.ProgramCatalog;
import org.convergence.platform.views.EnrolmentView;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two replicas of the hours service (two Axon configurations, each with its own aggregate locks, on one event store)
 * record the same week at the same time: the replica that loses the race for the week's next commit is sent again
 * on the fresh state and answers UNCHANGED; one fact is stored. Replica B is held between deciding and inserting
 * until A has stored the week, so the race is lost every time, not by luck.
 */
@QuarkusTest
@WithTestResource(ConvergenceStackResource.class)
class RetryOnConflictAcrossReplicasTest {

    @Inject
    EnrolmentView view;

    @Inject
    MongoDatabase database;

    @Inject
    ProgramCatalog programs;

    @Inject
    KnownPathways pathways;

    @Inject
    RecordedBy recordedBy;

    @Inject
    Timesheets replicaA;

    @Test
    void aReplicaThatLosesTheRaceForAWeekIsSentAgainOnTheFreshStateAndStoresNothingTwice() throws Exception {
        CountDownLatch bDecided = new CountDownLatch(1);
        CountDownLatch aStored = new CountDownLatch(1);
        AtomicInteger bInserts = new AtomicInteger();
        Configurer configurer = AxonRuntime.configurer(new MongoEventStore(database, () -> { }, () -> {
            if (bInserts.incrementAndGet() == 1) {
                bDecided.countDown();
                await(aStored);
            }
        }));
        new HoursAxonModule(programs).configure(configurer);
        Configuration replicaBConfiguration = configurer.start();
        try (Enrolled enrolled = new Enrolled(view, LocalDate.of(2019, 1, 7), "PREMIERES_HEURES")) {
            Timesheets replicaB = new Timesheets(new Commands(replicaBConfiguration.commandGateway(), recordedBy),
                    pathways);
            String pathway = enrolled.pathway("PREMIERES_HEURES", LocalDate.of(2020, 1, 6));
            List<WeekReport> week = List.of(new WeekReport(pathway, "2020-W02", 240, AbsenceMinutes.NONE, null));

            CompletableFuture<List<WeekResult>> fromB = CompletableFuture.supplyAsync(() -> RecordedBy.as("replica-b",
                    () -> replicaB.record(enrolled.chantier, week, MetaData.emptyInstance())));
            await(bDecided);
            List<WeekResult> fromA = RecordedBy.as("replica-a",
                    () -> replicaA.record(enrolled.chantier, week, MetaData.emptyInstance()));
            aStored.countDown();
            List<WeekResult> answerOfB = fromB.get(60, TimeUnit.SECONDS);

            assertEquals(WeekOutcome.RECORDED, fromA.get(0).outcome());
            assertFalse(answerOfB.get(0).refused(), () -> "replica B was refused: " + answerOfB.get(0).refusal());
            assertEquals(WeekOutcome.UNCHANGED, answerOfB.get(0).outcome());
            assertTrue(bInserts.get() >= 1, "replica B never tried to store the week: no race happened");
            assertEquals(1, database.getCollection(MongoEventStore.COMMITS).countDocuments(Filters.in("_id",
                    List.of("hours-week:" + pathway + ":2020-W02:0", "hours-week:" + pathway + ":2020-W02:1"))));
        } finally {
            replicaBConfiguration.shutdown();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the other replica never got there");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
