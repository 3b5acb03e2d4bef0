package org.convergence.platform.inbound;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import org.convergence.contracts.EventEnvelope;
import org.convergence.contracts.chantier.ChantierPathwayFacts;
import org.convergence.contracts.chantier.PathwayExitedAtChantierV1;
import org.convergence.embedded.ConvergenceStack;
import org.convergence.platform.messaging.DeadLetter;
import org.convergence.testsupport.TestEnvelopes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The per-chantier list of an inbound door's rejections, on the embedded MongoDB-compatible server. */
class InboundRejectionsTest {

    private static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");
    private static final String TOPIC = "convergence.chantier-pathways.v1";

    private final MongoClient mongo = MongoClients.create(ConvergenceStack.mongoConnectionString());
    private final MongoDatabase database = mongo.getDatabase("inbound_" + UUID.randomUUID().toString()
            .substring(0, 8));
    private final InboundRejections rejections = new InboundRejections(database, Clock.fixed(NOW, ZoneOffset.UTC),
            3);
    private long offset;

    @AfterEach
    void dropTheDatabase() {
        database.drop();
        mongo.close();
    }

    @Test
    void a_rejection_is_listed_for_the_chantier_its_record_names_newest_first_and_a_resent_record_once() {
        EventEnvelope exit = exit("c-one");
        rejections.record(refused(exit, "EXIT_BEFORE_ENTRY", NOW.minusSeconds(60)));
        rejections.record(refused(exit("c-one"), "PATHWAY_ALREADY_ENDED", NOW.minusSeconds(30)));
        rejections.record(refused(exit, "EXIT_BEFORE_ENTRY", NOW.minusSeconds(10))); // the same record, re-sent
        rejections.record(refused(exit("c-two"), "OUT_OF_SCOPE", NOW));

        List<InboundRejection> listed = rejections.recent("c-one").rejections();

        assertEquals(List.of("EXIT_BEFORE_ENTRY", "PATHWAY_ALREADY_ENDED"),
                listed.stream().map(InboundRejection::code).toList());
        assertEquals(exit.eventId(), listed.get(0).recordId());
        assertEquals(exit.key(), listed.get(0).key());
        assertEquals("chantier-pathway.exited", listed.get(0).type());
        assertEquals(List.of("OUT_OF_SCOPE"), rejections.recent("c-two").rejections().stream()
                .map(InboundRejection::code).toList());
    }

    @Test
    void an_unreadable_record_is_listed_for_the_chantier_it_claims_or_for_none() {
        rejections.record(malformed("{\"chantierId\":\"c-one\",\"type\":42}", "not-an-id!"));
        rejections.record(malformed("{\"payload\":{\"chantierId\":\"c-one\"}}", null));
        rejections.record(malformed("{\"chantierId\":\"C ONE\"}", null));
        rejections.record(malformed("\u0000\u0001garbage", null));

        List<InboundRejection> claimed = rejections.recent("c-one").rejections();
        assertEquals(1, claimed.size());
        assertEquals("MALFORMED_RECORD", claimed.get(0).code());
        assertNull(claimed.get(0).key(), "a key that is no id is never shown");
        assertNull(claimed.get(0).recordId());
        assertEquals(3, rejections.recent(InboundRejections.UNATTRIBUTED).rejections().size());
    }

    @Test
    void a_rejection_on_a_chantiers_own_topic_is_listed_for_that_chantier_whatever_the_record_claims() {
        EventEnvelope forged = exit("c-two");
        String ownTopic = org.convergence.contracts.Topics.chantierPathwaysOf("c-one");
        rejections.record(new DeadLetter(ownTopic, 0, offset++, forged.key(), TestEnvelopes.CODEC.encode(forged),
                forged, "CHANTIER_NOT_TOPIC_OWNER", "record on chantier c-one's topic names chantier c-two", NOW));
        rejections.record(new DeadLetter(ownTopic, 0, offset++, null,
                "{\"chantierId\":\"c-two\"}".getBytes(StandardCharsets.UTF_8), null, "MALFORMED_RECORD",
                "not a valid event envelope", NOW));

        assertEquals(List.of("CHANTIER_NOT_TOPIC_OWNER", "MALFORMED_RECORD"), rejections.recent("c-one")
                .rejections().stream().map(InboundRejection::code).sorted().toList());
        assertEquals(List.of(), rejections.recent("c-two").rejections(), "a forger cannot fill another's list");
    }

    @Test
    void a_day_lists_a_bounded_number_of_rejections_and_counts_the_others() {
        for (int i = 0; i < 5; i++) {
            rejections.record(refused(exit("c-one"), "EXIT_BEFORE_ENTRY", NOW.minusSeconds(i)));
        }

        RecentRejections recent = rejections.recent("c-one");
        assertEquals(3, recent.rejections().size());
        assertEquals(2, recent.notListed());
    }

    @Test
    void rejections_older_than_the_days_shown_are_not_listed() {
        rejections.record(refused(exit("c-one"), "EXIT_BEFORE_ENTRY",
                NOW.minus(java.time.Duration.ofDays(InboundRejections.DAYS_SHOWN))));
        rejections.record(refused(exit("c-one"), "OUT_OF_SCOPE",
                NOW.minus(java.time.Duration.ofDays(InboundRejections.DAYS_SHOWN - 1))));

        RecentRejections recent = rejections.recent("c-one");
        assertEquals(List.of("OUT_OF_SCOPE"), recent.rejections().stream().map(InboundRejection::code).toList());
        assertEquals(LocalDate.of(2026, 11, 1), recent.since());
    }

    private static EventEnvelope exit(String chantierId) {
        String pathway = UUID.randomUUID().toString();
        return TestEnvelopes.envelope(ChantierPathwayFacts.EXITED, new PathwayExitedAtChantierV1(pathway,
                LocalDate.of(2021, 3, 1), "OTHER", null), LocalDate.of(2021, 3, 1), pathway, "t-one", chantierId);
    }

    private DeadLetter refused(EventEnvelope envelope, String code, Instant at) {
        return new DeadLetter(TOPIC, 0, offset++, envelope.key(), TestEnvelopes.CODEC.encode(envelope), envelope,
                code, "refused: " + code, at);
    }

    private DeadLetter malformed(String value, String key) {
        return new DeadLetter(TOPIC, 1, offset++, key, value.getBytes(StandardCharsets.UTF_8), null,
                "MALFORMED_RECORD", "not a valid event envelope", NOW);
    }
}
