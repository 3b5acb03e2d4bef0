package org.convergence.platform.messaging;

import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * A cheap look at a record before it is decoded: false only for a record that cannot concern the consumer, which
 * is then passed over undecoded (its offset committed, nothing applied, nothing dead-lettered), as its handlers
 * would have passed it over once decoded (ADR 0038). It must never answer false for a record a handler keeps, and
 * must answer from the record as written (old records included), not from what a producer may add later; when in
 * doubt it answers true and the record is decoded and validated as always.
 */
@FunctionalInterface
public interface RecordInterest {

    /** Every record is decoded: the default. */
    RecordInterest EVERY_RECORD = record -> true;

    boolean mayConcern(ConsumerRecord<String, byte[]> record);

    /**
     * Records whose value may hold the JSON string {@code value}: those holding its UTF-8 bytes, and any with a
     * backslash (an escape could spell it otherwise, {@code "PREMI\u0045RES_HEURES"}), or without value. Meant for
     * an ASCII code that a consumer keeps only records about ({@code PREMIERES_HEURES}).
     */
    static RecordInterest mentioning(String value) {
        byte[] needle = value.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        return record -> record.value() == null || contains(record.value(), needle) || contains(record.value(),
                new byte[]{'\\'});
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0, last = haystack.length - needle.length; i <= last; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
