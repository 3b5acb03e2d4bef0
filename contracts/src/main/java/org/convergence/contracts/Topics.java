package org.convergence.contracts;

/** Kafka topic names: one topic per bounded context and major contract version. */
public final class Topics {

    public static final String ENROLMENT = "convergence.enrolment.v1";
    /** Published by the hours service: contracted weekly hours and the hours worked, week by week. */
    public static final String HOURS = "convergence.hours.v1";
    /** Inbound: weekly timesheets written by the chantiers' own software, read by the hours service. */
    public static final String TIMESHEETS = "convergence.timesheets.v1";
    public static final String ACCOMPANIMENT = "convergence.accompaniment.v1";
    /** Inbound: pathway facts sent by chantiers' own software, applied by the enrolment service (ADR 0018). */
    public static final String CHANTIER_PATHWAYS = "convergence.chantier-pathways.v1";
    /** Published by the employer transitions service: a pathway's move from the chantier to an employer's store. */
    public static final String TRANSITIONS = "convergence.transitions.v1";

    private Topics() {
    }

    /** The dead-letter topic of a topic: records that could not be processed, with the reason in headers. */
    public static String deadLetterOf(String topic) {
        return topic + ".dlq";
    }
}
