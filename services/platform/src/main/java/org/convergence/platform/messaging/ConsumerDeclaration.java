package org.convergence.platform.messaging;

import java.util.Objects;
import java.util.Set;

/**
 * A consumer a service declares (as a CDI bean); the platform runs it ({@link ConsumerRuntime}): one loop, one
 * consumer group, readiness and metrics.
 *
 * @param name        short name, part of the consumer group: {@code <service>-<name>[-<generation>]}
 * @param topics      the topics it reads
 * @param handler     what it does with each batch
 * @param rebuildable true for a projection: its group carries the read-model generation, so a new generation
 *                    reads the topics again from the beginning; false for a consumer whose effects must not be
 *                    repeated by a rebuild (one that sends commands, say)
 * @param deadLetters told of each record before it is dead-lettered (an inbound door lists them for the sender)
 */
public record ConsumerDeclaration(String name, Set<String> topics, BatchEventHandler handler, boolean rebuildable,
                                  DeadLetterListener deadLetters) {

    public ConsumerDeclaration(String name, Set<String> topics, BatchEventHandler handler, boolean rebuildable) {
        this(name, topics, handler, rebuildable, DeadLetterListener.NONE);
    }

    public ConsumerDeclaration {
        Objects.requireNonNull(handler, "handler");
        Objects.requireNonNull(deadLetters, "deadLetters");
        if (name == null || !name.matches("[a-z][a-z0-9-]{0,40}")) {
            throw new IllegalArgumentException("A consumer name is a lowercase slug; got " + name);
        }
        if (topics == null || topics.isEmpty()) {
            throw new IllegalArgumentException("Consumer " + name + " reads no topic");
        }
        topics = Set.copyOf(topics);
    }

    /** The consumer group of this consumer in a service, for a read-model generation. */
    public String groupId(String serviceName, String generation) {
        return serviceName + "-" + name + (rebuildable ? "-" + generation : "");
    }
}
