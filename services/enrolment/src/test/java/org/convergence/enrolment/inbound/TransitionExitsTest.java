package org.convergence.enrolment.inbound;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.axonframework.eventhandling.DomainEventMessage;
import org.convergence.contracts.EventEnvelope;
import org.convergence.contracts.Topics;
import org.convergence.contracts.transitions.TransitionCompletedV1;
import org.convergence.contracts.transitions.TransitionEvents;
import org.convergence.contracts.transitions.TransitionStartedV1;
import org.convergence.embedded.ConvergenceStack;
import org.convergence.embedded.ConvergenceStackResource;
import org.convergence.enrolment.domain.PathwayMessages.PathwayExitRecordedEvent;
import org.convergence.enrolment.domain.Streams;
import org.convergence.platform.axon.RecordedBy;
import org.convergence.platform.eventstore.MongoEventStore;
import org.convergence.testsupport.EnrolmentApi;
import org.convergence.testsupport.EventPublisher;
import org.convergence.testsupport.Rest;
import org.convergence.testsupport.TopicReader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.convergence.enrolment.inbound.ChantierSoftware.header;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The automatic exit of a completed employer transition (issue 10, item 5; ADR 0025), through the real broker: the
 * transitions service's {@code transition.completed} ends the Convergence pathway in durable employment on the
 * completion date, once, with REST's rules; a refusal is dead-lettered with its code.
 */
@QuarkusTest
@WithTestResource(ConvergenceStackResource.class)
class TransitionExitsTest {

    private static final Duration APPLIED = Duration.ofSeconds(30);
    private static final String GROUP = "enrolment-" + TransitionExits.CONSUMER;

    @Inject
    MongoEventStore store;

    private final EventPublisher publisher = new EventPublisher();
    private String territory;
    private String chantier;

    @BeforeEach
    void chantier() {
        territory = EnrolmentApi.territory("Transitions");
        chantier = EnrolmentApi.chantier(territory, "2015-01-01", "CONVERGENCE");
    }

    @AfterEach
    void close() {
        publisher.close();
    }

    @Test
    void a_completed_transition_ends_its_pathway_in_durable_employment_on_the_completion_date() {
        String pathway = enrolled("2020-01-06");
        String transition = UUID.randomUUID().toString();

        completed(transition, pathway, LocalDate.of(2021, 6, 30));

        await().atMost(APPLIED).untilAsserted(() -> Rest.asNational().get("/pathways/" + pathway).then()
                .statusCode(200)
                .body("exitDate", equalTo("2021-06-30"))
                .body("exitCategory", equalTo("DURABLE_EMPLOYMENT"))
                .body("exitTransitionId", equalTo(transition)));
        List<DomainEventMessage<?>> exits = exits(pathway);
        assertEquals(1, exits.size());
        assertEquals("transition:" + transition, exits.get(0).getMetaData().get(RecordedBy.KEY),
                "the exit says it came from the transition");
    }

    @Test
    void the_completion_delivered_twice_or_published_again_under_a_new_event_id_exits_the_pathway_once() {
        String pathway = enrolled("2020-01-06");
        String transition = UUID.randomUUID().toString();
        EventEnvelope completion = completed(transition, pathway, LocalDate.of(2021, 6, 30));
        publisher.publish(Topics.TRANSITIONS, completion); // the same record again: a redelivery
        completed(transition, pathway, LocalDate.of(2021, 6, 30)); // the producer's relay retried under a new id
        // A last record of the same pathway (same partition): once its refusal is dead-lettered, every record
        // before it was handled.
        String another = UUID.randomUUID().toString();
        completed(another, pathway, LocalDate.of(2021, 7, 1));

        List<ConsumerRecord<String, byte[]>> dead = deadLetters(pathway, 1, APPLIED);
        assertEquals(1, dead.size(), "only the other transition's completion is refused; a redelivery is none");
        assertEquals("PATHWAY_ALREADY_ENDED", header(dead.get(0), "dlq.code"));
        assertTrue(new String(dead.get(0).value()).contains(another));
        assertEquals(1, exits(pathway).size());
        Rest.asNational().get("/pathways/" + pathway).then().body("exitDate", equalTo("2021-06-30"))
                .body("exitTransitionId", equalTo(transition));
    }

    @Test
    void a_completion_of_a_pathway_that_already_exited_is_dead_lettered_with_the_rule_code_rest_answers() {
        String pathway = enrolled("2020-01-06");
        Rest.asNational().body("{\"exitDate\":\"2021-03-01\",\"category\":\"OTHER\"}")
                .post("/pathways/" + pathway + "/exit").then().statusCode(200);

        completed(UUID.randomUUID().toString(), pathway, LocalDate.of(2021, 6, 30));

        List<ConsumerRecord<String, byte[]>> dead = deadLetters(pathway, 1, APPLIED);
        assertEquals(1, dead.size());
        assertEquals("PATHWAY_ALREADY_ENDED", header(dead.get(0), "dlq.code"));
        assertEquals(GROUP, header(dead.get(0), "dlq.consumer.group"));
        Rest.asNational().get("/pathways/" + pathway).then().body("exitDate", equalTo("2021-03-01"))
                .body("exitCategory", equalTo("OTHER")).body("exitTransitionId", equalTo(null));
    }

    @Test
    void a_completion_dated_before_the_entry_is_dead_lettered_and_stores_nothing() {
        String pathway = enrolled("2020-01-06");

        completed(UUID.randomUUID().toString(), pathway, LocalDate.of(2019, 12, 31));

        assertEquals("EXIT_BEFORE_ENTRY", header(deadLetters(pathway, 1, APPLIED).get(0), "dlq.code"));
        assertEquals(0, exits(pathway).size());
    }

    @Test
    void a_completion_naming_another_chantier_than_the_pathways_is_out_of_scope() {
        String pathway = enrolled("2020-01-06");
        String otherChantier = EnrolmentApi.chantier(territory, "2015-01-01", "CONVERGENCE");

        publisher.publish(Topics.TRANSITIONS, TransitionEvents.TRANSITION_COMPLETED, new TransitionCompletedV1(
                        UUID.randomUUID().toString(), pathway, participant(pathway), "franprix", "franprix-paris-11",
                        LocalDate.of(2021, 6, 30)), LocalDate.of(2021, 6, 30), pathway, territory, otherChantier);

        assertEquals("OUT_OF_SCOPE", header(deadLetters(pathway, 1, APPLIED).get(0), "dlq.code"));
        assertEquals(0, exits(pathway).size());
    }

    @Test
    void the_other_facts_of_a_transition_change_nothing_in_the_pathway() {
        String pathway = enrolled("2020-01-06");
        String transition = UUID.randomUUID().toString();
        publisher.publish(Topics.TRANSITIONS, TransitionEvents.TRANSITION_STARTED, new TransitionStartedV1(
                        transition, pathway, participant(pathway), "franprix", "franprix-paris-11",
                        LocalDate.of(2021, 1, 4), 8, 18), LocalDate.of(2021, 1, 4), pathway, territory, chantier);
        completed(transition, pathway, LocalDate.of(2021, 6, 30));

        await().atMost(APPLIED).untilAsserted(() -> assertEquals(1, exits(pathway).size()));
        assertEquals(2, store.eventsOf(Streams.pathway(pathway), 0).size(), "the enrolment and the exit only");
        assertEquals(List.of(), deadLetters(pathway, 1, Duration.ofSeconds(2)));
    }

    private String enrolled(String entryDate) {
        String pathway = UUID.randomUUID().toString();
        EnrolmentApi.enrolled(pathway, "CONVERGENCE", chantier, entryDate);
        return pathway;
    }

    private String participant(String pathway) {
        return Rest.asNational().get("/pathways/" + pathway).then().extract().path("participantId");
    }

    private EventEnvelope completed(String transition, String pathway, LocalDate on) {
        return publisher.publish(Topics.TRANSITIONS, TransitionEvents.TRANSITION_COMPLETED, new TransitionCompletedV1(
                transition, pathway, participant(pathway), "franprix", "franprix-paris-11", on), on, pathway,
                territory, chantier);
    }

    private List<DomainEventMessage<?>> exits(String pathway) {
        return store.eventsOf(Streams.pathway(pathway), 0).stream()
                .filter(event -> event.getPayload() instanceof PathwayExitRecordedEvent).toList();
    }

    /** This consumer's dead letters under {@code key}, once {@code count} are there or the timeout passed. */
    private static List<ConsumerRecord<String, byte[]>> deadLetters(String key, int count, Duration timeout) {
        try (TopicReader reader = new TopicReader(ConvergenceStack.kafkaBootstrapServers(),
                Topics.deadLetterOf(Topics.TRANSITIONS))) {
            return reader.readKey(key, count, timeout).stream()
                    .filter(record -> GROUP.equals(header(record, "dlq.consumer.group"))).toList();
        }
    }
}
