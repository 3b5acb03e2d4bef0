package org.convergence.platform.messaging;

/** Headers of a dead-letter record: why it was refused and where it came from. */
public final class DeadLetterHeaders {

    public static final String REASON = "dlq.reason";
    public static final String EXCEPTION = "dlq.exception";
    public static final String SOURCE_TOPIC = "dlq.source.topic";
    public static final String SOURCE_PARTITION = "dlq.source.partition";
    public static final String SOURCE_OFFSET = "dlq.source.offset";
    public static final String CONSUMER_GROUP = "dlq.consumer.group";

    private DeadLetterHeaders() {
    }
}
