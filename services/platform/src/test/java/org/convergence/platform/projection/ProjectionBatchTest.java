package org.convergence.platform.projection;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import org.bson.Document;
import org.bson.types.Binary;
import org.convergence.embedded.ConvergenceStack;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The reusable write batch of projections: folding, markers, refused events and the crash order. */
class ProjectionBatchTest {

    private final MongoClient mongo = MongoClients.create(ConvergenceStack.mongoConnectionString());
    private final ReadModel model = new ReadModel(mongo.getDatabase("projection_batch_test"),
            "t" + UUID.randomUUID().toString().substring(0, 8));
    private final MongoCollection<Document> index = model.collection("index");
    private final MongoCollection<Document> roster = model.collection("roster");

    @AfterEach
    void dropTheReadModel() {
        model.drop();
        mongo.close();
    }

    private ProjectionBatch batch() {
        return new ProjectionBatch(List.of(index, roster));
    }

    @Test
    void theFactsOfABatchThatTouchOneDocumentAreStoredWithOneWrite() {
        ProjectionBatch batch = batch();
        for (int i = 0; i < 10; i++) {
            int n = i;
            batch.entry(roster, "bucket", "pathways", "pw" + (i % 3)).applyOnce("e" + i,
                    entry -> entry.addToList("checkIns", n));
            batch.addToSet(index, "all", "events", "e" + i);
            batch.keep();
        }

        assertEquals(2, batch.flush(), "ten facts, two documents, two writes");
        Document bucket = roster.find(Filters.eq("_id", "bucket")).first();
        assertEquals(List.of(0, 3, 6, 9), bucket.get("pathways", Document.class).get("pw0", Document.class)
                .getList("checkIns", Integer.class));
        assertEquals(List.of("e0", "e3", "e6", "e9"), appliedTo(bucket, "pw0"));
        assertEquals(10, index.find(Filters.eq("_id", "all")).first().getList("events", String.class).size());
    }

    @Test
    void anEventAUnitAlreadyAppliedChangesNothingEvenDeliveredAfterANewerOne() {
        ProjectionBatch first = batch();
        first.document(roster, "chantier").applyOnce("started-2020", c -> c.set("since", "2020-06-01"));
        first.keep();
        first.document(roster, "chantier").applyOnce("started-2021", c -> c.set("since", "2021-01-04"));
        first.keep();
        first.flush();

        ProjectionBatch redelivery = batch();
        boolean ran = redelivery.document(roster, "chantier").applyOnce("started-2020",
                c -> c.set("since", "2020-06-01"));
        redelivery.keep();

        assertFalse(ran);
        assertEquals(0, redelivery.flush(), "nothing to write");
        assertEquals("2021-01-04", roster.find(Filters.eq("_id", "chantier")).first().getString("since"));
    }

    @Test
    void anEntryWrittenWholeKeepsWhatEarlierBatchesStoredInItAndItsNestedFields() {
        ProjectionBatch first = batch();
        first.entry(roster, "bucket", "pathways", "pw").applyOnce("e1", e -> e.set("program", "PREMIERES_HEURES")
                .set("weeks.2020-W01", 240));
        first.keep();
        first.flush();

        ProjectionBatch second = batch();
        second.prefetch(roster, "bucket");
        second.load();
        second.entry(roster, "bucket", "pathways", "pw").applyOnce("e2", e -> e.set("exitDate", "2020-06-30")
                .set("weeks.2020-W02", 180));
        second.keep();
        second.entry(roster, "bucket", "pathways", "pw").applyOnce("e1", e -> e.set("program", "CONVERGENCE"));
        second.keep();
        second.flush();

        Document entry = roster.find(Filters.eq("_id", "bucket")).first().get("pathways", Document.class)
                .get("pw", Document.class);
        assertEquals("PREMIERES_HEURES", entry.getString("program"), "e1 was applied already");
        assertEquals("2020-06-30", entry.getString("exitDate"));
        assertEquals(new Document("2020-W01", 240).append("2020-W02", 180), entry.get("weeks", Document.class));
        assertEquals(List.of("e1", "e2"), appliedTo(roster.find(Filters.eq("_id", "bucket")).first(), "pw"));
    }

    @Test
    void putsIntoAMapAcrossEventsAreReadByTheNextEventAndStoredWithoutChangingTheStoredMapBeforeTheFlush() {
        storedByAnEarlierBatch("2020-W01", 240);

        ProjectionBatch second = batch();
        second.prefetch(roster, "bucket");
        second.load();
        for (int week = 2; week <= 4; week++) {
            String name = "2020-W0" + week;
            int minutes = 60 * week;
            second.entry(roster, "bucket", "pathways", "pw").applyOnce("e" + week, e -> e.putIn("weeks", name,
                    minutes));
            second.keep();
        }
        second.entry(roster, "bucket", "pathways", "pw").applyOnce("e5", e -> e.putIn("weeks", "2020-W01", 300));
        second.keep();
        Document expected = new Document("2020-W01", 300).append("2020-W02", 120).append("2020-W03", 180)
                .append("2020-W04", 240);
        assertEquals(expected, second.entry(roster, "bucket", "pathways", "pw").get("weeks"), "the batch's view");
        assertEquals(new Document("2020-W01", 240), weeksStored(), "nothing stored before the flush");

        second.flush();

        assertEquals(expected, weeksStored());
    }

    @Test
    void aDroppedEventsPutsIntoAMapAreTakenBackWhetherItCopiedTheMapOrAnEarlierEventDid() {
        storedByAnEarlierBatch("2020-W01", 240);

        ProjectionBatch second = batch();
        // A refused fact first: its put went into the batch's own copy, never into the map as stored.
        second.entry(roster, "bucket", "pathways", "pw").applyOnce("refused-first", e -> e.putIn("weeks",
                "2020-W05", 999));
        second.drop();
        second.entry(roster, "bucket", "pathways", "pw").applyOnce("e2", e -> e.putIn("weeks", "2020-W02", 120));
        second.keep();
        // A refused fact that had already changed a week and added another, both in the map e2's copy made.
        second.entry(roster, "bucket", "pathways", "pw").applyOnce("refused", e -> e.putIn("weeks", "2020-W02", 999)
                .putIn("weeks", "2020-W03", 999).putIn("weeks", "2020-W01", 999));
        second.drop();
        Document expected = new Document("2020-W01", 240).append("2020-W02", 120);
        assertEquals(expected, second.entry(roster, "bucket", "pathways", "pw").get("weeks"), "the batch's view");

        second.flush();

        assertEquals(expected, weeksStored());
        assertEquals(List.of("e1", "e2"), appliedTo(roster.find(Filters.eq("_id", "bucket")).first(), "pw"));
    }

    /** One week put into the pathway's week map by event {@code e1}, in a batch of its own, stored. */
    private void storedByAnEarlierBatch(String week, int minutes) {
        ProjectionBatch earlier = batch();
        earlier.entry(roster, "bucket", "pathways", "pw").applyOnce("e1", e -> e.putIn("weeks", week, minutes));
        earlier.keep();
        earlier.flush();
    }

    private Document weeksStored() {
        return roster.find(Filters.eq("_id", "bucket")).first().get("pathways", Document.class)
                .get("pw", Document.class).get("weeks", Document.class);
    }

    @Test
    void anEntrysMarkersAreStoredAsOnePackedValueOfSeventeenBytesPerEventId() {
        List<String> events = List.of(UUID.randomUUID().toString(), UUID.randomUUID().toString(),
                UUID.randomUUID().toString());
        ProjectionBatch batch = batch();
        for (String event : events) {
            batch.entry(roster, "bucket", "pathways", "pw").applyOnce(event, e -> e.addToList("facts", event));
            batch.keep();
        }
        batch.flush();

        Object stored = roster.find(Filters.eq("_id", "bucket")).first().get(ProjectionBatch.APPLIED_BY_ENTRY,
                Document.class).get("pathways", Document.class).get("pw");
        assertEquals(51, assertInstanceOf(Binary.class, stored).getData().length, "a tag and 16 bytes per event");
        assertEquals(events, EventMarkers.read(stored));
        ProjectionBatch redelivery = batch();
        redelivery.prefetch(roster, "bucket");
        redelivery.load();
        for (String event : events) {
            assertFalse(redelivery.entry(roster, "bucket", "pathways", "pw").applyOnce(event,
                    e -> e.addToList("facts", "again")));
            redelivery.keep();
        }
        assertEquals(0, redelivery.flush(), "every event was applied already");
    }

    @Test
    void aFactTheRelaySendsAgainAtALaterOffsetIsSkippedByItsEventIdNotUndoingALaterCorrection() {
        ProjectionBatch first = batch();
        first.at("convergence.enrolment.v1", 0, 5);
        first.entry(roster, "bucket", "pathways", "pw").applyOnce("entered", e -> e.set("entryDate", "2020-01-06"));
        first.keep();
        first.at("convergence.enrolment.v1", 0, 6);
        first.entry(roster, "bucket", "pathways", "pw").applyOnce("corrected", e -> e.set("entryDate", "2020-02-03"));
        first.keep();
        first.flush();

        // At least once: the relay sends "entered" again after a crash; it lands after the correction, at offset 9.
        ProjectionBatch resent = batch();
        resent.prefetch(roster, "bucket");
        resent.load();
        resent.at("convergence.enrolment.v1", 0, 9);
        assertFalse(resent.entry(roster, "bucket", "pathways", "pw").applyOnce("entered",
                e -> e.set("entryDate", "2020-01-06")));
        resent.keep();
        resent.flush();

        assertEquals("2020-02-03", roster.find(Filters.eq("_id", "bucket")).first().get("pathways", Document.class)
                .get("pw", Document.class).getString("entryDate"));
    }

    @Test
    void anEntryStoredWithTheMarkerListOfEarlierVersionsSkipsItsEventsAndKeepsThemWhenPacked() {
        roster.insertOne(new Document("_id", "bucket")
                .append("pathways", new Document("pw", new Document("program", "CONVERGENCE")))
                .append(ProjectionBatch.APPLIED_BY_ENTRY, new Document("pathways",
                        new Document("pw", List.of("e1", "e2")))));
        ProjectionBatch batch = batch();
        batch.prefetch(roster, "bucket");
        batch.load();
        assertFalse(batch.entry(roster, "bucket", "pathways", "pw").applyOnce("e2", e -> e.set("program", "OTHER")));
        batch.keep();
        assertTrue(batch.entry(roster, "bucket", "pathways", "pw").applyOnce("e3", e -> e.set("exitDate", "2021")));
        batch.keep();
        batch.flush();

        Document bucket = roster.find(Filters.eq("_id", "bucket")).first();
        assertEquals(List.of("e1", "e2", "e3"), appliedTo(bucket, "pw"));
        assertEquals("CONVERGENCE", bucket.get("pathways", Document.class).get("pw", Document.class)
                .getString("program"));
    }

    @Test
    void twoBatchesWritingOtherEntriesOfOneDocumentKeepBothWhateverTheirOrder() {
        ProjectionBatch first = batch();
        ProjectionBatch second = batch();
        first.prefetch(roster, "bucket");
        second.prefetch(roster, "bucket");
        first.load();
        second.load();
        first.entry(roster, "bucket", "pathways", "pw1").applyOnce("e1", e -> e.set("program", "CONVERGENCE"));
        first.keep();
        second.entry(roster, "bucket", "pathways", "pw2").applyOnce("e2", e -> e.set("program", "CONVERGENCE"));
        second.keep();
        second.flush();
        first.flush();

        Document bucket = roster.find(Filters.eq("_id", "bucket")).first();
        assertEquals(Set.of("pw1", "pw2"), bucket.get("pathways", Document.class).keySet());
        assertEquals(List.of("e1"), appliedTo(bucket, "pw1"));
        assertEquals(List.of("e2"), appliedTo(bucket, "pw2"));
    }

    @Test
    void aConsumerThatLostThePartitionCannotPutBackAnEntryTheNewOwnerStoredFurther() {
        ProjectionBatch earlier = batch();
        earlier.entry(roster, "bucket", "pathways", "pw").applyOnce("entered", e -> e.set("entryDate", "2020-01-06"));
        earlier.keep();
        earlier.flush();
        ProjectionBatch zombie = batch();
        ProjectionBatch owner = batch();
        zombie.prefetch(roster, "bucket");
        owner.prefetch(roster, "bucket");
        zombie.load();
        owner.load();
        zombie.entry(roster, "bucket", "pathways", "pw").applyOnce("exited", e -> e.set("exitDate", "2021-03-31"));
        zombie.keep();
        owner.entry(roster, "bucket", "pathways", "pw").applyOnce("exited", e -> e.set("exitDate", "2021-03-31"));
        owner.keep();
        owner.entry(roster, "bucket", "pathways", "pw").applyOnce("exit-corrected",
                e -> e.set("exitDate", "2021-04-30"));
        owner.keep();
        owner.flush();

        assertThrows(RuntimeException.class, zombie::flush, "the entry moved since the zombie read it");
        Document bucket = roster.find(Filters.eq("_id", "bucket")).first();
        assertEquals("2021-04-30", bucket.get("pathways", Document.class).get("pw", Document.class)
                .getString("exitDate"));
        assertEquals(List.of("entered", "exited", "exit-corrected"), appliedTo(bucket, "pw"));
        ProjectionBatch retried = batch();
        retried.prefetch(roster, "bucket");
        retried.load();
        assertFalse(retried.entry(roster, "bucket", "pathways", "pw").applyOnce("exited",
                e -> e.set("exitDate", "2021-03-31")));
        retried.keep();
        assertEquals(0, retried.flush(), "the retry reads the owner's markers and skips what is stored");
    }

    /**
     * Wave-6 review, finding 2: the compare-and-set of ADR 0036 covers entries, not whole-document units, whose fields
     * are set path by path: a consumer that lost its partition, flushing after the new owner stored more of the
     * document, put back the fields it had read and lost the owner's correction (the owner committed past it).
     */
    @Test
    void aConsumerThatLostThePartitionCannotPutBackADocumentUnitTheNewOwnerStoredFurther() {
        ProjectionBatch earlier = batch();
        earlier.document(roster, "chantier").applyOnce("started", c -> c.set("since", "2020-06-01"));
        earlier.keep();
        earlier.flush();
        ProjectionBatch zombie = batch();
        ProjectionBatch owner = batch();
        zombie.prefetch(roster, "chantier");
        owner.prefetch(roster, "chantier");
        zombie.load();
        owner.load();
        zombie.document(roster, "chantier").applyOnce("moved", c -> c.set("since", "2021-01-04"));
        zombie.keep();
        owner.document(roster, "chantier").applyOnce("moved", c -> c.set("since", "2021-01-04"));
        owner.keep();
        owner.document(roster, "chantier").applyOnce("move-corrected", c -> c.set("since", "2021-02-01"));
        owner.keep();
        owner.flush();

        assertThrows(RuntimeException.class, zombie::flush, "the document moved since the zombie read it");
        assertEquals("2021-02-01", roster.find(Filters.eq("_id", "chantier")).first().getString("since"));
    }

    /**
     * Wave-6 review, finding 3: a path one key writes outside units had no compare-and-set, and the flush stored it
     * before the entry whose compare-and-set then failed: a zombie put back such a path the new owner stored further
     * (reporting: the participant's filed pathways and accompaniment, from which the figure counters' next
     * increments are computed). Such a path now goes through the key's {@link ProjectionBatch.Ledger}, written only
     * while its version is as the batch read it (ADR 0042).
     */
    @Test
    void aConsumerThatLostThePartitionCannotPutBackAPathOnlyItsKeyWritesOutsideTheEntry() {
        ProjectionBatch zombie = batch();
        ProjectionBatch owner = batch();
        zombie.prefetch(roster, "bucket");
        owner.prefetch(roster, "bucket");
        zombie.prefetch(index, "participants");
        owner.prefetch(index, "participants");
        zombie.load();
        owner.load();
        zombie.entry(roster, "bucket", "pathways", "pw").applyOnce("status-1", e -> {
            e.set("status", "IDENTIFIED");
            zombie.ledger(index, "participants", "participant", true).set("summary.participant", "IDENTIFIED");
        });
        zombie.keep();
        owner.entry(roster, "bucket", "pathways", "pw").applyOnce("status-1", e -> {
            e.set("status", "IDENTIFIED");
            owner.ledger(index, "participants", "participant", true).set("summary.participant", "IDENTIFIED");
        });
        owner.keep();
        owner.entry(roster, "bucket", "pathways", "pw").applyOnce("status-2", e -> {
            e.set("status", "RESOLVED");
            owner.ledger(index, "participants", "participant", true).set("summary.participant", "RESOLVED");
        });
        owner.keep();
        owner.flush();

        assertThrows(RuntimeException.class, zombie::flush, "the participant moved since the zombie read it");
        assertEquals("RESOLVED", roster.find(Filters.eq("_id", "bucket")).first().get("pathways", Document.class)
                .get("pw", Document.class).getString("status"));
        assertEquals("RESOLVED", index.find(Filters.eq("_id", "participants")).first().get("summary", Document.class)
                .getString("participant"), "the owner's summary, which its committed facts rest on");
    }

    /** Another key's ledger in the same document is not in the filter: consumers of other partitions never collide. */
    @Test
    void twoKeysLedgersInOneDocumentAreWrittenByTwoConsumersWithoutColliding() {
        ProjectionBatch first = batch();
        ProjectionBatch second = batch();
        first.prefetch(index, "participants");
        second.prefetch(index, "participants");
        first.load();
        second.load();
        first.ledger(index, "participants", "a", true).set("summary.a", "A");
        first.keep();
        second.ledger(index, "participants", "b", true).set("summary.b", "B");
        second.keep();
        first.flush();
        second.flush();

        Document stored = index.find(Filters.eq("_id", "participants")).first();
        assertEquals("A", stored.get("summary", Document.class).getString("a"));
        assertEquals("B", stored.get("summary", Document.class).getString("b"));
    }

    @Test
    void twoConsumersCreatingTheSameEntryAtOnceStoreItOnce() {
        ProjectionBatch zombie = batch();
        ProjectionBatch owner = batch();
        zombie.entry(roster, "bucket", "pathways", "pw").applyOnce("entered", e -> e.addToList("facts", "entered"));
        zombie.keep();
        owner.entry(roster, "bucket", "pathways", "pw").applyOnce("entered", e -> e.addToList("facts", "entered"));
        owner.keep();
        owner.entry(roster, "bucket", "pathways", "pw").applyOnce("exited", e -> e.addToList("facts", "exited"));
        owner.keep();
        owner.flush();

        assertThrows(RuntimeException.class, zombie::flush);
        assertEquals(List.of("entered", "exited"), roster.find(Filters.eq("_id", "bucket")).first()
                .get("pathways", Document.class).get("pw", Document.class).getList("facts", String.class));
    }

    @Test
    void theWritesOfARefusedEventAreNeverStoredWhileItsNeighboursAre() {
        ProjectionBatch batch = batch();
        batch.entry(roster, "bucket", "pathways", "kept").applyOnce("e1", e -> e.set("program", "CONVERGENCE"));
        batch.keep();
        batch.entry(roster, "bucket", "pathways", "refused").applyOnce("e2", e -> e.set("program", "CONVERGENCE"));
        batch.addToSet(index, "all", "pathways", "refused");
        batch.drop();
        batch.flush();

        Document bucket = roster.find(Filters.eq("_id", "bucket")).first();
        assertEquals(Set.of("kept"), bucket.get("pathways", Document.class).keySet());
        assertNull(index.find(Filters.eq("_id", "all")).first());
    }

    @Test
    void anEventMustMarkAUnitInTheLastCollectionItWrites() {
        ProjectionBatch batch = batch();
        batch.document(index, "x").applyOnce("e1", d -> d.set("a", 1));
        batch.addToSet(roster, "y", "b", 2);

        assertThrows(IllegalStateException.class, batch::keep);
        assertEquals(0, batch.flush(), "the faulty event left nothing");
    }

    @Test
    void aBatchCutShortBetweenTwoCollectionsLeavesEffectsWithoutMarkersNeverAMarkerWithoutItsEffects() {
        // A roster document the next write cannot extend: storing the roster fails after the index was stored.
        roster.insertOne(new Document("_id", "bucket").append("pathways", "not a document"));
        ProjectionBatch batch = batch();
        batch.entry(roster, "bucket", "pathways", "pw1").applyOnce("e1", e -> {
            batch.addToSet(index, "all", "pathways", "pw1");
            e.set("program", "CONVERGENCE");
        });
        batch.keep();

        assertThrows(RuntimeException.class, batch::flush);
        assertEquals(List.of("pw1"), index.find(Filters.eq("_id", "all")).first().getList("pathways", String.class));
        assertNull(roster.find(Filters.eq("_id", "bucket")).first().get(ProjectionBatch.APPLIED_BY_ENTRY));

        // Delivered again once the cause is gone, the fact completes, once.
        roster.deleteOne(Filters.eq("_id", "bucket"));
        ProjectionBatch again = batch();
        again.prefetch(roster, "bucket");
        again.load();
        assertTrue(again.entry(roster, "bucket", "pathways", "pw1").applyOnce("e1", e -> {
            again.addToSet(index, "all", "pathways", "pw1");
            e.set("program", "CONVERGENCE");
        }));
        again.keep();
        again.flush();
        assertEquals(List.of("pw1"), index.find(Filters.eq("_id", "all")).first().getList("pathways", String.class));
        assertEquals(List.of("e1"), appliedTo(roster.find(Filters.eq("_id", "bucket")).first(), "pw1"));
    }

    @Test
    void anIdThatCannotNameAFieldIsRefused() {
        ProjectionBatch batch = batch();
        for (String id : List.of("a.b", "$set", "", "x".repeat(201), "tab\tbed")) {
            assertThrows(org.convergence.platform.messaging.RejectedEventException.class,
                    () -> batch.entry(roster, "bucket", "pathways", id));
        }
    }

    @Test
    void anIncrementIsStoredOnceThoughItsEventsAreDeliveredAgainInALongerBatch() {
        ProjectionBatch first = batch();
        counted(first, 10, 3);
        counted(first, 11, 4);
        first.flush();

        ProjectionBatch again = batch();
        counted(again, 10, 3);
        counted(again, 11, 4);
        counted(again, 12, 5);
        again.flush();

        assertEquals(12L, count("t#2020"), "3 + 4 + 5, each once");
    }

    @Test
    void aBatchCutShortInsideItsCountersAddsEachIncrementOnceWhenDeliveredAgain() {
        // The second counter document cannot take a number: the flush stores the first, then fails.
        index.insertOne(new Document("_id", "t#2021").append("people", "not a number"));
        ProjectionBatch batch = batch();
        batch.at("convergence.enrolment.v1", 0, 20);
        batch.increment(index, "t#2020", "people", 1);
        batch.increment(index, "t#2021", "people", 1);
        batch.keep();
        assertThrows(RuntimeException.class, batch::flush);
        assertEquals(1L, count("t#2020"));

        index.deleteOne(Filters.eq("_id", "t#2021"));
        ProjectionBatch again = batch();
        again.at("convergence.enrolment.v1", 0, 20);
        again.increment(index, "t#2020", "people", 1);
        again.increment(index, "t#2021", "people", 1);
        again.keep();
        again.flush();
        assertEquals(1L, count("t#2020"), "stored before the crash: not added again");
        assertEquals(1L, count("t#2021"), "not stored before the crash: added now");
    }

    @Test
    void anIncrementFromAnotherPartitionOrTopicIsNotTakenForOneAlreadyStored() {
        ProjectionBatch first = batch();
        counted(first, 100, 1);
        first.flush();

        ProjectionBatch others = batch();
        others.at("convergence.enrolment.v1", 1, 5);
        others.increment(index, "t#2020", "people", 10);
        others.keep();
        others.at("convergence.hours.v1", 0, 5);
        others.increment(index, "t#2020", "people", 100);
        others.keep();
        others.flush();

        assertEquals(111L, count("t#2020"));
    }

    @Test
    void twoConsumersApplyingTheSameOffsetsAtOnceAddEachIncrementOnce() {
        ProjectionBatch earlier = batch();
        counted(earlier, 1, 1);
        earlier.flush();
        ProjectionBatch zombie = readByTwoConsumersAndStoredByTheOwner(2, 10);

        assertThrows(RuntimeException.class, zombie::flush, "the counter moved since the zombie read it");
        assertEquals(11L, count("t#2020"));
        ProjectionBatch retried = batch();
        counted(retried, 2, 10);
        retried.flush();
        assertEquals(11L, count("t#2020"), "the retry reads the new watermark and skips the stored offset");
    }

    @Test
    void twoConsumersCreatingTheSameCounterAtOnceAddEachIncrementOnce() {
        ProjectionBatch zombie = readByTwoConsumersAndStoredByTheOwner(1, 5);

        assertThrows(RuntimeException.class, zombie::flush);
        assertEquals(5L, count("t#2020"));
    }

    @Test
    void theIncrementsOfARefusedEventAreNeverStored() {
        ProjectionBatch batch = batch();
        counted(batch, 1, 1);
        batch.at("convergence.enrolment.v1", 0, 2);
        batch.increment(index, "t#2020", "people", 50);
        batch.drop();
        counted(batch, 3, 1);
        batch.flush();

        assertEquals(2L, count("t#2020"));
    }

    @Test
    void anIncrementWithoutItsEventsPositionIsRefused() {
        ProjectionBatch batch = batch();
        assertThrows(IllegalStateException.class, () -> batch.increment(index, "t#2020", "people", 1));
    }

    /**
     * A consumer that lost its partition (the zombie) and the new owner both apply one offset, each having read the
     * counter before either stores; the owner stores first. Returns the zombie's batch, not flushed yet.
     */
    private ProjectionBatch readByTwoConsumersAndStoredByTheOwner(long offset, long people) {
        ProjectionBatch zombie = batch();
        ProjectionBatch owner = batch();
        counted(zombie, offset, people);
        counted(owner, offset, people);
        owner.flush();
        return zombie;
    }

    private void counted(ProjectionBatch batch, long offset, long people) {
        batch.at("convergence.enrolment.v1", 0, offset);
        batch.increment(index, "t#2020", "people", people);
        batch.keep();
    }

    private long count(String id) {
        return ((Number) index.find(Filters.eq("_id", id)).first().get("people")).longValue();
    }

    private static List<String> appliedTo(Document bucket, String entry) {
        return EventMarkers.read(bucket.get(ProjectionBatch.APPLIED_BY_ENTRY, Document.class)
                .get("pathways", Document.class).get(entry));
    }
}
