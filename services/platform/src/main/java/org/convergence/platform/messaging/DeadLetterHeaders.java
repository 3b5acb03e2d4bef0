package org.convergence.platform.messaging;

/** Headers of a dead-letter record: why it was refused and where it came from. */
public final class DeadLetterHeaders {

    /** Why the record was refused, in a sentence of at most 1,000 characters. */
    public static final String REASON = "dlq.reason";
    /** What kind of refusal, stable for programs to act on: a business rule's code or {@link DeadLetterCodes}. */
    public static final String CODE = "dlq.code";
    /** The class of the failure behind the reason. */
    public static final String EXCEPTION = "dlq.exception";
    public static final String SOURCE_TOPIC = "dlq.source.topic";
    public static final String SOURCE_PARTITION = "dlq.source.partition";
    public static final String SOURCE_OFFSET = "dlq.source.offset";
    public static final String CONSUMER_GROUP = "dlq.consumer.group";
    /** Present when the record's value was too large to be copied: read it at its source offset. */
    public static final String VALUE_DROPPED = "dlq.value.dropped";

    private DeadLetterHeaders() {
    }
}
