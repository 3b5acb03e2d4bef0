package org.convergence.enrolment.inbound;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.axonframework.eventhandling.DomainEventMessage;
import org.convergence.contracts.EventEnvelope;
import org.convergence.contracts.Topics;
import org.convergence.contracts.chantier.ChantierPathwayFacts;
import org.convergence.contracts.chantier.CheckedInByChantierV1;
import org.convergence.contracts.chantier.EntryCorrectedByChantierV1;
import org.convergence.contracts.chantier.ExitCorrectedByChantierV1;
import org.convergence.contracts.chantier.PathwayEnrolledByChantierV1;
import org.convergence.contracts.chantier.PathwayExitedAtChantierV1;
import org.convergence.contracts.chantier.PathwayPromotedByChantierV1;
import org.convergence.contracts.enrolment.EnrolmentEvents;
import org.convergence.contracts.enrolment.PathwayExitRecordedV1;
import org.convergence.embedded.ConvergenceStack;
import org.convergence.embedded.ConvergenceStackResource;
import org.convergence.enrolment.domain.PathwayMessages.CheckInRecordedEvent;
import org.convergence.enrolment.domain.PathwayMessages.ExitCorrectedEvent;
import org.convergence.enrolment.domain.PathwayMessages.PathwayExitRecordedEvent;
import org.convergence.enrolment.domain.Streams;
import org.convergence.platform.axon.RecordedBy;
import org.convergence.platform.eventstore.MongoEventStore;
import org.convergence.testsupport.EnrolmentApi;
import org.convergence.testsupport.Rest;
import org.convergence.testsupport.TestEnvelopes;
import org.convergence.testsupport.Tokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.convergence.enrolment.inbound.ChantierSoftware.deadLetters;
import static org.convergence.enrolment.inbound.ChantierSoftware.header;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Pathway facts a chantier's software sends on its own topic ({@code convergence.chantier.<id>.pathways.v1}), through the real broker:
 * each becomes the command REST sends, with REST's rules and codes; once, in order, within the sender's chantier.
 */
@QuarkusTest
@WithTestResource(ConvergenceStackResource.class)
class ChantierPathwayDoorTest {

    private static final Duration APPLIED = Duration.ofSeconds(30);

    @Inject
    MongoEventStore store;

    private String territory;
    private String chantier;
    private ChantierSoftware software;

    @BeforeEach
    void chantierWithItsSoftware() {
        territory = EnrolmentApi.territory("Door");
        chantier = EnrolmentApi.chantier(territory, "2015-01-01", "CONVERGENCE", "PREMIERES_HEURES");
        software = new ChantierSoftware(territory, chantier);
    }

    @AfterEach
    void close() {
        software.close();
    }

    @Test
    void every_kind_of_fact_is_applied_as_the_rest_api_applies_it() {
        String pathway = fresh();
        software.send(ChantierPathwayFacts.ENROLLED, pathway,
                new PathwayEnrolledByChantierV1(pathway, null, "CONVERGENCE", LocalDate.of(2020, 1, 6)),
                LocalDate.of(2020, 1, 6));
        software.send(ChantierPathwayFacts.EXITED, pathway, new PathwayExitedAtChantierV1(pathway,
                LocalDate.of(2021, 3, 1), "POSITIVE_EXIT", null), LocalDate.of(2021, 3, 1));
        software.send(ChantierPathwayFacts.EXIT_CORRECTED, pathway, new ExitCorrectedByChantierV1(pathway,
                LocalDate.of(2021, 3, 5), "DURABLE_EMPLOYMENT", "SOCIAL_HOUSING"), LocalDate.of(2021, 3, 5));
        // After the exit: an open pathway's corrected entry is judged against today's five-year limit, as over REST.
        software.send(ChantierPathwayFacts.ENTRY_CORRECTED, pathway,
                new EntryCorrectedByChantierV1(pathway, LocalDate.of(2020, 1, 13)), LocalDate.of(2020, 1, 13));
        software.send(ChantierPathwayFacts.CHECKED_IN, pathway, new CheckedInByChantierV1(pathway, 6,
                LocalDate.of(2021, 9, 6), "DURABLE_EMPLOYMENT", "SOCIAL_HOUSING"), LocalDate.of(2021, 9, 6));

        await().atMost(APPLIED).untilAsserted(() -> assertEquals(1, events(pathway, CheckInRecordedEvent.class)));
        Rest.asNational().get("/pathways/" + pathway).then().statusCode(200)
                .body("chantierId", equalTo(chantier))
                .body("entryDate", equalTo("2020-01-13"))
                .body("exitDate", equalTo("2021-03-05"))
                .body("exitCategory", equalTo("DURABLE_EMPLOYMENT"))
                .body("housingAtExit", equalTo("SOCIAL_HOUSING"));

        String premieresHeures = fresh();
        String convergence = fresh();
        software.send(ChantierPathwayFacts.ENROLLED, premieresHeures, new PathwayEnrolledByChantierV1(
                premieresHeures, null, "PREMIERES_HEURES", LocalDate.of(2022, 2, 1)), LocalDate.of(2022, 2, 1));
        software.send(ChantierPathwayFacts.PROMOTED, premieresHeures, new PathwayPromotedByChantierV1(
                premieresHeures, convergence, LocalDate.of(2022, 5, 2)), LocalDate.of(2022, 5, 2));

        await().atMost(APPLIED).untilAsserted(() -> Rest.asNational().get("/pathways/" + convergence).then()
                .statusCode(200).body("program", equalTo("CONVERGENCE")).body("promotedFrom", equalTo(premieresHeures))
                .body("entryDate", equalTo("2022-05-02")));
        Rest.asNational().get("/pathways/" + premieresHeures).then().statusCode(200)
                .body("promotedTo", equalTo(convergence)).body("exitDate", equalTo("2022-05-02"));
    }

    @Test
    void the_same_record_delivered_twice_changes_nothing() {
        String pathway = enrolledByKafka(LocalDate.of(2020, 1, 6));
        EventEnvelope exit = software.send(ChantierPathwayFacts.EXITED, pathway, new PathwayExitedAtChantierV1(
                pathway, LocalDate.of(2021, 3, 1), "POSITIVE_EXIT", null), LocalDate.of(2021, 3, 1));
        EventEnvelope correction = software.send(ChantierPathwayFacts.EXIT_CORRECTED, pathway,
                new ExitCorrectedByChantierV1(pathway, LocalDate.of(2021, 3, 2), "OTHER", null),
                LocalDate.of(2021, 3, 2));
        EventEnvelope checkIn = software.send(ChantierPathwayFacts.CHECKED_IN, pathway, new CheckedInByChantierV1(
                pathway, 1, LocalDate.of(2021, 4, 2), "OTHER", "STREET"), LocalDate.of(2021, 4, 2));
        software.resend(exit);
        software.resend(correction);
        software.resend(checkIn);
        software.resend(correction);
        // A last new fact: once it is applied, every record before it in the partition was handled.
        software.send(ChantierPathwayFacts.CHECKED_IN, pathway, new CheckedInByChantierV1(pathway, 3,
                LocalDate.of(2021, 6, 2), "OTHER", "STREET"), LocalDate.of(2021, 6, 2));

        await().atMost(APPLIED).untilAsserted(() -> assertEquals(2, events(pathway, CheckInRecordedEvent.class)));
        assertEquals(1, events(pathway, PathwayExitRecordedEvent.class));
        assertEquals(1, events(pathway, ExitCorrectedEvent.class));
        assertEquals(List.of(), deadLetters(chantier, pathway, 1, Duration.ofSeconds(3)),
                "a redelivery is no refusal");
        assertTrue(store.eventsOf(Streams.pathway(pathway), 0).stream().allMatch(event -> String.valueOf(
                event.getMetaData().get(RecordedBy.KEY)).startsWith("chantier:" + chantier + "/record:")));
    }

    @Test
    void a_refused_record_is_dead_lettered_with_the_rule_code_of_rest_and_the_next_record_is_applied() {
        String pathway = enrolledByKafka(LocalDate.of(2020, 1, 6));
        software.send(ChantierPathwayFacts.EXITED, pathway, new PathwayExitedAtChantierV1(pathway,
                LocalDate.of(2019, 12, 1), "POSITIVE_EXIT", null), LocalDate.of(2019, 12, 1));
        software.send(ChantierPathwayFacts.EXITED, pathway, new PathwayExitedAtChantierV1(pathway,
                LocalDate.of(2021, 3, 1), "POSITIVE_EXIT", null), LocalDate.of(2021, 3, 1));

        List<ConsumerRecord<String, byte[]>> dead = deadLetters(chantier, pathway, 1, APPLIED);
        assertEquals(1, dead.size());
        assertEquals("EXIT_BEFORE_ENTRY", header(dead.get(0), "dlq.code"));
        assertTrue(header(dead.get(0), "dlq.reason").contains("before the entry date"));
        await().atMost(APPLIED).untilAsserted(() -> Rest.asNational().get("/pathways/" + pathway).then()
                .body("exitDate", equalTo("2021-03-01")));
        // The REST API answers the same refusal with the same code.
        Rest.asNational().body("{\"exitDate\":\"2021-04-01\",\"category\":\"OTHER\"}")
                .post("/pathways/" + pathway + "/exit").then().statusCode(422).body("code",
                        equalTo("PATHWAY_ALREADY_ENDED"));
        software.send(ChantierPathwayFacts.EXITED, pathway, new PathwayExitedAtChantierV1(pathway,
                LocalDate.of(2021, 4, 1), "OTHER", null), LocalDate.of(2021, 4, 1));
        assertEquals("PATHWAY_ALREADY_ENDED", header(deadLetters(chantier, pathway, 2, APPLIED).get(1), "dlq.code"));

        Rest.as(Tokens.staff(territory, chantier)).get("/chantiers/" + chantier + "/inbound-rejections").then()
                .statusCode(200)
                .body("rejections.code", hasItem("EXIT_BEFORE_ENTRY"))
                .body("rejections.code", hasItem("PATHWAY_ALREADY_ENDED"))
                .body("rejections.key", hasItem(pathway));
    }

    @Test
    void a_second_active_pathway_is_refused_over_kafka_with_the_code_rest_answers() {
        String participant = UUID.randomUUID().toString();
        String first = fresh();
        String second = fresh();
        software.send(ChantierPathwayFacts.ENROLLED, first, new PathwayEnrolledByChantierV1(first, participant,
                "CONVERGENCE", LocalDate.of(2020, 1, 6)), LocalDate.of(2020, 1, 6));
        await().atMost(APPLIED).untilAsserted(() -> Rest.asNational().get("/pathways/" + first).then()
                .statusCode(200));
        software.send(ChantierPathwayFacts.ENROLLED, second, new PathwayEnrolledByChantierV1(second, participant,
                "CONVERGENCE", LocalDate.of(2020, 2, 6)), LocalDate.of(2020, 2, 6));

        List<ConsumerRecord<String, byte[]>> dead = deadLetters(chantier, second, 1, APPLIED);
        assertEquals(1, dead.size());
        assertEquals("SECOND_ACTIVE_PATHWAY", header(dead.get(0), "dlq.code"));
        Rest.asNational().get("/pathways/" + first).then().statusCode(200);
        Rest.asNational().get("/pathways/" + second).then().statusCode(404);
    }

    @Test
    void an_exit_sent_before_its_enrolment_waits_a_bounded_time_then_is_dead_lettered_as_not_known() {
        String pathway = fresh();
        EventEnvelope exit = software.send(ChantierPathwayFacts.EXITED, pathway, new PathwayExitedAtChantierV1(
                pathway, LocalDate.of(2021, 3, 1), "POSITIVE_EXIT", null), LocalDate.of(2021, 3, 1));
        software.send(ChantierPathwayFacts.ENROLLED, pathway, new PathwayEnrolledByChantierV1(pathway, null,
                "CONVERGENCE", LocalDate.of(2020, 1, 6)), LocalDate.of(2020, 1, 6));

        List<ConsumerRecord<String, byte[]>> dead = deadLetters(chantier, pathway, 1, APPLIED);
        assertEquals(1, dead.size());
        assertEquals("NOT_KNOWN", header(dead.get(0), "dlq.code"));
        assertTrue(header(dead.get(0), "dlq.reason").contains("Pathway is not known (yet)"),
                header(dead.get(0), "dlq.reason"));
        await().atMost(APPLIED).untilAsserted(() -> Rest.asNational().get("/pathways/" + pathway).then()
                .statusCode(200).body("exitDate", equalTo(null)));

        software.resend(exit); // the sender sees the rejection and sends the same record again
        await().atMost(APPLIED).untilAsserted(() -> Rest.asNational().get("/pathways/" + pathway).then()
                .body("exitDate", equalTo("2021-03-01")));
    }

    @Test
    void an_exit_sent_before_its_enrolment_is_applied_once_the_enrolment_arrives_within_the_patience() {
        String pathway = fresh();
        software.send(ChantierPathwayFacts.EXITED, pathway, new PathwayExitedAtChantierV1(pathway,
                LocalDate.of(2021, 3, 1), "POSITIVE_EXIT", null), LocalDate.of(2021, 3, 1));
        EnrolmentApi.enrolled(pathway, "CONVERGENCE", chantier, "2020-01-06");

        await().atMost(APPLIED).untilAsserted(() -> Rest.asNational().get("/pathways/" + pathway).then()
                .body("exitDate", equalTo("2021-03-01")));
        assertEquals(List.of(), deadLetters(chantier, pathway, 1, Duration.ofSeconds(2)));
    }

    @Test
    void a_chantier_may_only_send_facts_about_its_own_pathways() {
        String otherChantier = EnrolmentApi.chantier(territory, "2015-01-01", "CONVERGENCE");
        String theirs = fresh();
        EnrolmentApi.enrolled(theirs, "CONVERGENCE", otherChantier, "2020-01-06");

        software.send(ChantierPathwayFacts.EXITED, theirs, new PathwayExitedAtChantierV1(theirs,
                LocalDate.of(2021, 3, 1), "POSITIVE_EXIT", null), LocalDate.of(2021, 3, 1));
        List<ConsumerRecord<String, byte[]>> dead = deadLetters(chantier, theirs, 1, APPLIED);

        assertEquals(1, dead.size());
        assertEquals("OUT_OF_SCOPE", header(dead.get(0), "dlq.code"));
        Rest.asNational().get("/pathways/" + theirs).then().statusCode(200).body("exitDate", equalTo(null));
        Rest.as(Tokens.staff(territory, chantier)).get("/chantiers/" + chantier + "/inbound-rejections").then()
                .statusCode(200).body("rejections.key", hasItem(theirs));
        Rest.as(Tokens.staff(territory, otherChantier)).get("/chantiers/" + otherChantier + "/inbound-rejections")
                .then().statusCode(200).body("rejections.key", not(hasItem(theirs)));
        Rest.as(Tokens.staff(territory, otherChantier)).get("/chantiers/" + chantier + "/inbound-rejections")
                .then().statusCode(403);
    }

    @Test
    void a_record_claiming_another_territory_for_its_chantier_is_out_of_scope() {
        String pathway = fresh();
        String elsewhere = EnrolmentApi.territory("Elsewhere");
        try (ChantierSoftware liar = new ChantierSoftware(elsewhere, chantier)) {
            liar.send(ChantierPathwayFacts.ENROLLED, pathway, new PathwayEnrolledByChantierV1(pathway, null,
                    "CONVERGENCE", LocalDate.of(2020, 1, 6)), LocalDate.of(2020, 1, 6));
        }

        assertEquals("OUT_OF_SCOPE", header(deadLetters(chantier, pathway, 1, APPLIED).get(0), "dlq.code"));
        Rest.asNational().get("/pathways/" + pathway).then().statusCode(404);
    }

    @Test
    void a_fact_of_another_topic_sent_here_is_refused_as_malformed_and_changes_nothing() {
        String pathway = enrolledByKafka(LocalDate.of(2020, 1, 6));
        String participant = Rest.asNational().get("/pathways/" + pathway).then().extract().path("participantId");
        // The enrolment service's own exit fact, well formed, keyed as its type wants: not a chantier's fact.
        EventEnvelope foreign = TestEnvelopes.envelope(EnrolmentEvents.PATHWAY_EXIT_RECORDED,
                new PathwayExitRecordedV1(pathway, participant, "CONVERGENCE", LocalDate.of(2021, 3, 1),
                        "POSITIVE_EXIT", null), LocalDate.of(2021, 3, 1), participant, territory, chantier);
        software.raw(participant, TestEnvelopes.CODEC.encode(foreign));

        List<ConsumerRecord<String, byte[]>> dead = deadLetters(chantier, participant, 1, APPLIED);
        assertEquals(1, dead.size());
        assertEquals("MALFORMED_RECORD", header(dead.get(0), "dlq.code"));
        assertTrue(header(dead.get(0), "dlq.reason").contains("is not a fact of " + Topics.chantierPathwaysOf(chantier)));
        Rest.asNational().get("/pathways/" + pathway).then().body("exitDate", equalTo(null));
    }

    @Test
    void a_record_on_a_chantiers_topic_naming_another_chantier_is_refused_as_not_the_topic_owner_and_stores_nothing() {
        String otherChantier = EnrolmentApi.chantier(territory, "2015-01-01", "CONVERGENCE");
        String theirs = fresh();
        EnrolmentApi.enrolled(theirs, "CONVERGENCE", otherChantier, "2020-01-06");
        String invented = fresh();

        // Our software, on our topic, writes as if it were the other chantier: in its scope if the envelope were
        // believed (the pathway is the other chantier's), so only the topic check stops it.
        try (ChantierSoftware forger = ChantierSoftware.ofChantierNaming(chantier, territory, otherChantier)) {
            forger.send(ChantierPathwayFacts.EXITED, theirs, new PathwayExitedAtChantierV1(theirs,
                    LocalDate.of(2021, 3, 1), "POSITIVE_EXIT", null), LocalDate.of(2021, 3, 1));
            forger.send(ChantierPathwayFacts.ENROLLED, invented, new PathwayEnrolledByChantierV1(invented, null,
                    "CONVERGENCE", LocalDate.of(2020, 1, 6)), LocalDate.of(2020, 1, 6));
        }
        String ours = enrolledByKafka(LocalDate.of(2020, 2, 3)); // the chantier's own records still go through

        for (String key : List.of(theirs, invented)) {
            List<ConsumerRecord<String, byte[]>> dead = deadLetters(chantier, key, 1, APPLIED);
            assertEquals(1, dead.size(), key);
            assertEquals("CHANTIER_NOT_TOPIC_OWNER", header(dead.get(0), "dlq.code"));
            assertTrue(header(dead.get(0), "dlq.reason").contains("record on chantier " + chantier + "'s topic "
                    + Topics.chantierPathwaysOf(chantier) + " names chantier " + otherChantier),
                    header(dead.get(0), "dlq.reason"));
        }
        Rest.asNational().get("/pathways/" + theirs).then().statusCode(200).body("exitDate", equalTo(null));
        Rest.asNational().get("/pathways/" + invented).then().statusCode(404);
        assertEquals(0, events(theirs, PathwayExitRecordedEvent.class), "no exit stored for the other's pathway");
        Rest.asNational().get("/pathways/" + ours).then().statusCode(200);
        // Listed for the sender (the topic's chantier), never for the chantier it claims.
        Rest.as(Tokens.staff(territory, chantier)).get("/chantiers/" + chantier + "/inbound-rejections").then()
                .statusCode(200).body("rejections.key", hasItem(theirs)).body("rejections.key", hasItem(invented))
                .body("rejections.code", everyItem(equalTo("CHANTIER_NOT_TOPIC_OWNER")));
        Rest.as(Tokens.staff(territory, otherChantier)).get("/chantiers/" + otherChantier + "/inbound-rejections")
                .then().statusCode(200).body("rejections", hasSize(0));
    }

    @Test
    void a_chantier_topic_created_after_the_door_started_is_read() throws Exception {
        String newcomer = EnrolmentApi.chantier(territory, "2015-01-01", "CONVERGENCE");
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                ConvergenceStack.kafkaBootstrapServers()))) {
            assertFalse(admin.listTopics().names().get().contains(Topics.chantierPathwaysOf(newcomer)),
                    "the chantier's topic does not exist while the door runs");
        }
        String pathway = fresh();
        try (ChantierSoftware itsSoftware = new ChantierSoftware(territory, newcomer)) {
            itsSoftware.send(ChantierPathwayFacts.ENROLLED, pathway, new PathwayEnrolledByChantierV1(pathway, null,
                    "CONVERGENCE", LocalDate.of(2020, 1, 6)), LocalDate.of(2020, 1, 6));
        }

        await().atMost(APPLIED).untilAsserted(() -> Rest.asNational().get("/pathways/" + pathway).then()
                .statusCode(200).body("chantierId", equalTo(newcomer)));
    }

    private String enrolledByKafka(LocalDate entryDate) {
        String pathway = fresh();
        software.send(ChantierPathwayFacts.ENROLLED, pathway, new PathwayEnrolledByChantierV1(pathway, null,
                "CONVERGENCE", entryDate), entryDate);
        await().atMost(APPLIED).untilAsserted(() -> Rest.asNational().get("/pathways/" + pathway).then()
                .statusCode(200));
        return pathway;
    }

    private long events(String pathway, Class<?> payloadType) {
        List<DomainEventMessage<?>> events = store.eventsOf(Streams.pathway(pathway), 0);
        return events.stream().filter(event -> payloadType.isInstance(event.getPayload())).count();
    }

    private static String fresh() {
        return UUID.randomUUID().toString();
    }
}
