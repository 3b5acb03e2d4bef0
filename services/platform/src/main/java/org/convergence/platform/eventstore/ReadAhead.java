package org.convergence.platform.eventstore;

import org.axonframework.eventhandling.DomainEventMessage;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Streams a thread is about to load one after the other (the distinct aggregates of a command batch), read together:
 * the first load of any of them reads all of them with one {@code $in} per commit depth ({@link
 * MongoEventStore#streamsOf}) instead of one {@code _id} lookup per commit and stream (ADR 0030).
 *
 * <p>A stream read ahead is handed out once, to the first load of it, then forgotten: a later load of it in the same
 * work (after its aggregate appended) reads the store. A stream read ahead is as fresh as the batch's first load,
 * not as its own load would be, and is read before its aggregate is locked in this process: under contention more
 * appends collide and are retried. Correctness is unchanged: the unique commit {@code _id} still refuses an append
 * made on a stream another writer changed in between (optimistic lock).
 */
public final class ReadAhead {

    private static final ThreadLocal<ReadAhead> CURRENT = new ThreadLocal<>();

    private final Set<String> pending;
    private final Map<String, List<DomainEventMessage<?>>> read = new HashMap<>();

    private ReadAhead(Collection<String> streams) {
        this.pending = new LinkedHashSet<>(streams);
    }

    /** Runs {@code work} with these streams read together on the first load of any of them, in this thread. */
    public static <T> T during(Collection<String> streams, Supplier<T> work) {
        ReadAhead outer = CURRENT.get();
        CURRENT.set(new ReadAhead(streams));
        try {
            return work.get();
        } finally {
            if (outer == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(outer);
            }
        }
    }

    /**
     * The events of {@code stream} if this thread reads it ahead: on the first call, every stream still pending is
     * read at once with {@code readAll}. Empty when the stream is not read ahead (or was handed out already, or
     * did not read), so the caller loads it alone.
     */
    static Optional<List<DomainEventMessage<?>>> take(String stream,
                                                     Function<Set<String>, Map<String, List<DomainEventMessage<?>>>> readAll) {
        ReadAhead current = CURRENT.get();
        if (current == null) {
            return Optional.empty();
        }
        if (current.pending.contains(stream)) {
            current.read.putAll(readAll.apply(Set.copyOf(current.pending)));
            current.pending.clear();
        }
        return Optional.ofNullable(current.read.remove(stream));
    }
}
