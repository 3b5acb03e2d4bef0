package org.convergence.platform.projection;

import com.mongodb.client.MongoCollection;
import org.bson.Document;
import org.convergence.contracts.IntegrationEventCodec;
import org.convergence.contracts.InvalidIntegrationEventException;
import org.convergence.platform.messaging.BatchEventHandler;
import org.convergence.platform.messaging.ConsumedEvent;
import org.convergence.platform.messaging.ConsumerDeclaration;
import org.convergence.platform.messaging.HandlerSet;
import org.convergence.platform.messaging.RejectedEventException;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * A read model fed by handler sets, one per topic it reads: each batch of events is prefetched, applied to a
 * {@link ProjectionBatch} fact by fact (a refused fact leaves nothing) and stored with one write per touched
 * document. A new topic joins by adding its handler set; nothing else changes.
 */
public final class Projection implements BatchEventHandler {

    private final IntegrationEventCodec codec;
    private final List<MongoCollection<Document>> flushOrder;
    private final Map<String, HandlerSet<ProjectionBatch>> byTopic = new LinkedHashMap<>();
    private final AtomicLong documentsWritten = new AtomicLong();
    private final AtomicLong batches = new AtomicLong();
    private final Map<String, LongAdder> writtenByCollection = new ConcurrentHashMap<>();

    /**
     * @param flushOrder  the collections the handlers write, in the order a batch stores them: those holding
     *                    only idempotent writes first, those holding markers after (see {@link ProjectionBatch})
     * @param handlerSets one per topic
     */
    public Projection(IntegrationEventCodec codec, List<MongoCollection<Document>> flushOrder,
                      List<HandlerSet<ProjectionBatch>> handlerSets) {
        this.codec = codec;
        this.flushOrder = List.copyOf(flushOrder);
        for (HandlerSet<ProjectionBatch> set : handlerSets) {
            if (byTopic.putIfAbsent(set.topic(), set) != null) {
                throw new IllegalArgumentException("Two handler sets for " + set.topic());
            }
        }
    }

    /** This projection as a consumer of its topics, its group following the read-model generation. */
    public ConsumerDeclaration consumer(String name) {
        return new ConsumerDeclaration(name, byTopic.keySet(), this, true);
    }

    /** Documents written since the start: with the events applied, how much a batch folds. */
    public long documentsWritten() {
        return documentsWritten.get();
    }

    /** Batches stored since the start. */
    public long batches() {
        return batches.get();
    }

    /** Documents written since the start, per collection (generation-prefixed names), sorted by name. */
    public Map<String, Long> documentsWrittenByCollection() {
        Map<String, Long> written = new java.util.TreeMap<>();
        writtenByCollection.forEach((name, count) -> written.put(name, count.sum()));
        return written;
    }

    @Override
    public Map<Integer, RuntimeException> handleAll(List<ConsumedEvent> events) {
        Applied applied = apply(events);
        applied.store();
        return applied.rejected();
    }

    /**
     * The events applied to a batch read from the store now, not stored yet: {@link #handleAll} stores it at once.
     * Apart, it is how a test plays a consumer that read, lost its partitions and stores after the new owner.
     */
    public Applied apply(List<ConsumedEvent> events) {
        ProjectionBatch batch = new ProjectionBatch(flushOrder);
        Map<Integer, RuntimeException> rejected = new HashMap<>();
        List<HandlerSet.BoundFact<ProjectionBatch>> facts = new ArrayList<>(events.size());
        for (int i = 0; i < events.size(); i++) {
            facts.add(null);
            HandlerSet<ProjectionBatch> handlers = byTopic.get(events.get(i).topic());
            if (handlers == null) {
                continue;
            }
            try {
                HandlerSet.BoundFact<ProjectionBatch> fact = handlers.bind(events.get(i), codec)
                        .orElse(null);
                if (fact != null) {
                    fact.prefetch(batch);
                    facts.set(i, fact);
                }
            } catch (InvalidIntegrationEventException | RejectedEventException e) {
                rejected.put(i, e);
            }
        }
        batch.load();
        for (int i = 0; i < facts.size(); i++) {
            HandlerSet.BoundFact<ProjectionBatch> fact = facts.get(i);
            if (fact == null) {
                continue;
            }
            try {
                ConsumedEvent event = events.get(i);
                batch.at(event.topic(), event.partition(), event.offset());
                fact.apply(batch);
                batch.keep();
            } catch (InvalidIntegrationEventException | RejectedEventException e) {
                batch.drop();
                rejected.put(i, e);
            }
        }
        return new Applied(batch, rejected);
    }

    /** A batch applied and not stored yet, with the events it refused (by their index in the poll). */
    public final class Applied {

        private final ProjectionBatch batch;
        private final Map<Integer, RuntimeException> rejected;

        private Applied(ProjectionBatch batch, Map<Integer, RuntimeException> rejected) {
            this.batch = batch;
            this.rejected = rejected;
        }

        public Map<Integer, RuntimeException> rejected() {
            return rejected;
        }

        /** Stores the batch: one write per touched document; throws if a compare-and-set found another's write. */
        public void store() {
            documentsWritten.addAndGet(batch.flush());
            batches.incrementAndGet();
            batch.writtenByCollection().forEach((name, count) ->
                    writtenByCollection.computeIfAbsent(name, n -> new LongAdder()).add(count));
        }
    }
}
