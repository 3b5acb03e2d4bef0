package org.convergence.platform.messaging;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Topics a consumer reads that must be co-partitioned: same partition count, same key, and partition n of each
 * owned by the same consumer (ADR 0034: reporting's figure counters compute a participant's increments from facts
 * of the enrolment and accompaniment topics, single-writer only if one consumer owns both of the participant's
 * partitions). Nothing else checks it: each service creates the topics best-effort with its own partition count,
 * a broker auto-creates them with its own, and the group's assignor is the client's default. Checked cheaply: the
 * partition counts from the consumer's metadata before it subscribes, the partition numbers of each assignment.
 */
final class CoPartitioning {

    static final CoPartitioning NONE = new CoPartitioning(Set.of());

    /** Why a consumer refuses to run: its co-partitioned topics are not. */
    static final class ViolatedException extends IllegalStateException {
        ViolatedException(String message) {
            super(message);
        }
    }

    private final Set<String> topics;

    private CoPartitioning(Set<String> topics) {
        this.topics = Set.copyOf(topics);
    }

    static CoPartitioning of(List<String> read, Set<String> coPartitioned) {
        if (!read.containsAll(coPartitioned)) {
            throw new IllegalArgumentException("Co-partitioned topics " + coPartitioned + " must be among the topics "
                    + "read by name " + read);
        }
        return coPartitioned.size() < 2 ? NONE : new CoPartitioning(coPartitioned);
    }

    /** Refuses topics whose partition counts differ (or that do not exist yet, so have no count to compare). */
    void requirePartitionCounts(Consumer<?, ?> consumer) {
        if (topics.isEmpty()) {
            return;
        }
        Map<String, Integer> counts = new TreeMap<>();
        for (String topic : topics) {
            List<PartitionInfo> partitions = consumer.partitionsFor(topic);
            counts.put(topic, partitions == null ? 0 : partitions.size());
        }
        if (counts.containsValue(0) || new TreeSet<>(counts.values()).size() > 1) {
            throw new ViolatedException("Refusing to consume: topics " + counts.keySet() + " must be co-partitioned "
                    + "(ADR 0034: same partition count and key, one consumer owning partition n of each), but their "
                    + "partition counts are " + counts + ". Give them the same count (a new read-model generation "
                    + "then rebuilds, runbook \"Rebuild a read model\"); this consumer checks again after a back-off.");
        }
    }

    /** Refuses an assignment that gives this consumer partition n of one of the topics and not of another. */
    void requireSamePartitionNumbers(Collection<TopicPartition> assignment) {
        if (topics.isEmpty()) {
            return;
        }
        Map<String, Set<Integer>> numbers = new TreeMap<>();
        topics.forEach(topic -> numbers.put(topic, new TreeSet<>()));
        for (TopicPartition partition : assignment) {
            if (topics.contains(partition.topic())) {
                numbers.get(partition.topic()).add(partition.partition());
            }
        }
        if (new java.util.HashSet<>(numbers.values()).size() > 1) {
            throw new ViolatedException("Refusing to consume: topics " + numbers.keySet() + " must be co-partitioned, "
                    + "but this consumer was assigned the partitions " + numbers + " (ADR 0034: the group's assignor "
                    + "must give one consumer partition n of each, as the range assignor does)");
        }
    }
}
