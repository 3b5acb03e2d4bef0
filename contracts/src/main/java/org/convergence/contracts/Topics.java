package org.convergence.contracts;

/** Kafka topic names: one topic per bounded context and major contract version. */
public final class Topics {

    public static final String ENROLMENT = "convergence.enrolment.v1";
    /** Inbound: pathway facts sent by chantiers' own software, applied by the enrolment service (ADR 0018). */
    public static final String CHANTIER_PATHWAYS = "convergence.chantier-pathways.v1";

    private Topics() {
    }

    /** The dead-letter topic of a topic: records that could not be processed, with the reason in headers. */
    public static String deadLetterOf(String topic) {
        return topic + ".dlq";
    }
}
