package org.convergence.platform.eventstore;

import org.axonframework.eventhandling.DomainEventMessage;

import java.util.List;

/** The events one unit of work appended to one aggregate, as stored together in one document. */
public record Commit(String aggregateId, String aggregateType, long firstSequence, long lastSequence,
                     List<DomainEventMessage<?>> events) {

    /**
     * The id of the commit of {@code aggregateId} that starts at {@code firstSequence}: its {@code _id} in
     * {@code event_commits}. Two writers that loaded the same version build the same id (the optimistic lock).
     */
    public static String id(String aggregateId, long firstSequence) {
        return aggregateId + ":" + firstSequence;
    }

    /** The stream of a commit id (everything before its last colon; aggregate ids may contain colons). */
    public static String streamOf(String commitId) {
        return commitId.substring(0, separator(commitId));
    }

    /** The first sequence number of a commit id (after its last colon). */
    public static long firstSequenceOf(String commitId) {
        return Long.parseLong(commitId.substring(separator(commitId) + 1));
    }

    private static int separator(String commitId) {
        int colon = commitId.lastIndexOf(':');
        if (colon <= 0 || colon == commitId.length() - 1) {
            throw new IllegalArgumentException("Not a commit id: " + commitId);
        }
        return colon;
    }

    public String id() {
        return id(aggregateId, firstSequence);
    }

    public long nextSequence() {
        return lastSequence + 1;
    }
}
