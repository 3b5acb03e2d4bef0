package org.convergence.platform.messaging;

import org.convergence.platform.config.PlatformConfig;

import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A consumer a service declares (as a CDI bean); the platform runs it ({@link ConsumerRuntime}): one loop, one
 * consumer group, readiness and metrics.
 *
 * @param name         short name, part of the consumer group: {@code <service>-<name>[-<generation>]}
 * @param topics       the topics it reads, created at start if absent; empty when it reads by {@code topicPattern}
 * @param topicPattern null, or the pattern of the topics it reads (the whole name must match): topics created while
 *                     it runs are read too, within {@code convergence.consumer.topic-discovery}; the platform does
 *                     not create them (an operator does, ADR 0021)
 * @param handler      what it does with each batch
 * @param rebuildable  true for a projection: its group carries the read-model generation, so a new generation
 *                     reads the topics again from the beginning; false for a consumer whose effects must not be
 *                     repeated by a rebuild (one that sends commands, say)
 * @param deadLetters  told of each record before it is dead-lettered (an inbound door lists them for the sender)
 * @param interest     a cheap look at each record before decoding: those it refuses are passed over undecoded
 *                     ({@link RecordInterest}, ADR 0038); {@link RecordInterest#EVERY_RECORD} by default
 * @param coPartitioned topics among {@code topics} that must be co-partitioned (ADR 0034, checked by the loop:
 *                     {@link EventConsumerLoop#requireCoPartitioned}); empty by default
 */
public record ConsumerDeclaration(String name, Set<String> topics, Pattern topicPattern, BatchEventHandler handler,
                                  boolean rebuildable, DeadLetterListener deadLetters, RecordInterest interest,
                                  Set<String> coPartitioned) {

    public ConsumerDeclaration(String name, Set<String> topics, Pattern topicPattern, BatchEventHandler handler,
                               boolean rebuildable, DeadLetterListener deadLetters, RecordInterest interest) {
        this(name, topics, topicPattern, handler, rebuildable, deadLetters, interest, Set.of());
    }

    public ConsumerDeclaration(String name, Set<String> topics, Pattern topicPattern, BatchEventHandler handler,
                               boolean rebuildable, DeadLetterListener deadLetters) {
        this(name, topics, topicPattern, handler, rebuildable, deadLetters, RecordInterest.EVERY_RECORD);
    }

    public ConsumerDeclaration(String name, Set<String> topics, BatchEventHandler handler, boolean rebuildable) {
        this(name, topics, handler, rebuildable, DeadLetterListener.NONE);
    }

    public ConsumerDeclaration(String name, Set<String> topics, BatchEventHandler handler, boolean rebuildable,
                               DeadLetterListener deadLetters) {
        this(name, topics, null, handler, rebuildable, deadLetters);
    }

    public ConsumerDeclaration {
        Objects.requireNonNull(handler, "handler");
        Objects.requireNonNull(deadLetters, "deadLetters");
        Objects.requireNonNull(interest, "interest");
        if (name == null || !name.matches("[a-z][a-z0-9-]{0,40}")) {
            throw new IllegalArgumentException("A consumer name is a lowercase slug; got " + name);
        }
        topics = topics == null ? Set.of() : Set.copyOf(topics);
        if (topics.isEmpty() == (topicPattern == null)) {
            throw new IllegalArgumentException("Consumer " + name + " reads either named topics or a topic pattern");
        }
        coPartitioned = coPartitioned == null ? Set.of() : Set.copyOf(coPartitioned);
        if (!topics.containsAll(coPartitioned)) {
            throw new IllegalArgumentException("Consumer " + name + " reads " + topics + ", not every co-partitioned "
                    + "topic of " + coPartitioned);
        }
    }

    /**
     * A consumer of every topic whose whole name matches {@code topicPattern}, now and created later (e.g. each
     * chantier's own inbound topic, ADR 0021). Its dead letters go to {@code <topic>.dlq} of each record's topic.
     */
    public static ConsumerDeclaration ofPattern(String name, Pattern topicPattern, BatchEventHandler handler,
                                                boolean rebuildable, DeadLetterListener deadLetters) {
        return new ConsumerDeclaration(name, Set.of(), Objects.requireNonNull(topicPattern, "topicPattern"), handler,
                rebuildable, deadLetters);
    }

    /** The same consumer, decoding only the records {@code interest} lets through (ADR 0038). */
    public ConsumerDeclaration decodingOnly(RecordInterest interest) {
        return new ConsumerDeclaration(name, topics, topicPattern, handler, rebuildable, deadLetters, interest,
                coPartitioned);
    }

    /**
     * The same consumer, refusing to run while these of its topics are not co-partitioned (ADR 0034: same
     * partition count, and partition n of each assigned to the same consumer).
     */
    public ConsumerDeclaration requiringCoPartitioned(Set<String> coPartitioned) {
        return new ConsumerDeclaration(name, topics, topicPattern, handler, rebuildable, deadLetters, interest,
                coPartitioned);
    }

    /**
     * Its largest batch: a projection folds a larger batch into fewer document writes; a consumer that sends
     * commands holds each record's aggregate and events until its batch commits, so it takes smaller ones (ADR 0054).
     */
    public int maxPollRecords(PlatformConfig.Consumer settings) {
        int records = rebuildable ? settings.maxPollRecords() : settings.commandPollRecords();
        if (records < 1) {
            // Refused at start-up, not by a loop that would fail and restart for ever.
            throw new IllegalArgumentException("convergence.consumer." + (rebuildable ? "max" : "command")
                    + "-poll-records is at least 1; got " + records);
        }
        return records;
    }

    /** What it reads, for logs: its topics or its pattern. */
    public String subscription() {
        return topicPattern == null ? topics.toString() : "/" + topicPattern.pattern() + "/";
    }

    /** The consumer group of this consumer in a service, for a read-model generation. */
    public String groupId(String serviceName, String generation) {
        return serviceName + "-" + name + (rebuildable ? "-" + generation : "");
    }
}
