package org.convergence.contracts;

import org.convergence.contracts.input.Identifiers;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Kafka topic names: one topic per bounded context and major contract version. */
public final class Topics {

    public static final String ENROLMENT = "convergence.enrolment.v1";
    /** Published by the hours service: contracted weekly hours and the hours worked, week by week. */
    public static final String HOURS = "convergence.hours.v1";
    public static final String ACCOMPANIMENT = "convergence.accompaniment.v1";
    /*
     * Inbound: chantiers' software writes to topics of its own, one per chantier and kind (ADR 0021), read by
     * pattern. The shared topics of ADR 0018 (convergence.chantier-pathways.v1, convergence.timesheets.v1) are no
     * longer read (ADR 0026): nothing on them says who wrote a record.
     */
    /** The address (AsyncAPI channel, event catalogue) of every chantier's own pathway-facts topic. */
    public static final String CHANTIER_PATHWAYS_ADDRESS = "convergence.chantier.{chantierId}.pathways.v1";
    /** The address of every chantier's own timesheets topic. */
    public static final String CHANTIER_TIMESHEETS_ADDRESS = "convergence.chantier.{chantierId}.timesheets.v1";
    /** Published by the employer transitions service: a pathway's move from the chantier to an employer's store. */
    public static final String TRANSITIONS = "convergence.transitions.v1";

    /** A chantier's own pathway-facts topic (ADR 0021): only that chantier's principal may write to it. */
    public static final Pattern CHANTIER_PATHWAYS_PATTERN = chantierTopicPattern("pathways.v1");
    /** A chantier's own timesheets topic (ADR 0021). */
    public static final Pattern TIMESHEETS_PATTERN = chantierTopicPattern("timesheets.v1");

    private static final String CHANTIER_PREFIX = "convergence.chantier.";
    private static final Pattern CHANTIER_TOPIC = Pattern.compile(
            Pattern.quote(CHANTIER_PREFIX) + "(" + slug() + ")\\.(pathways|timesheets)\\.v1");

    private Topics() {
    }

    /**
     * The topic a chantier's software writes its pathway facts to, its principal's alone (ADR 0021): the one way
     * to name it (enrolment's door reads it, the simulator and tests write to it).
     */
    public static String chantierPathwaysOf(String chantierId) {
        return CHANTIER_PREFIX + requireSlug(chantierId) + ".pathways.v1";
    }

    /**
     * The topic a chantier's software writes its weekly timesheets to, its principal's alone (ADR 0021): the one
     * way to name it (hours' door reads it, the simulator and tests write to it).
     */
    public static String timesheetsOf(String chantierId) {
        return CHANTIER_PREFIX + requireSlug(chantierId) + ".timesheets.v1";
    }

    /**
     * The chantier whose own inbound topic {@code topic} is, if it is one: the chantier the broker let write there,
     * the only sender a door can trust. Empty for a shared topic and for any dead-letter topic.
     */
    public static Optional<String> chantierOf(String topic) {
        Matcher matcher = CHANTIER_TOPIC.matcher(topic);
        return matcher.matches() ? Optional.of(matcher.group(1)) : Optional.empty();
    }

    private static Pattern chantierTopicPattern(String suffix) {
        return Pattern.compile(Pattern.quote(CHANTIER_PREFIX) + slug() + Pattern.quote("." + suffix));
    }

    /** A chantier id as a slug pattern without its anchors: no dot, so it stays between the topic's dots. */
    private static String slug() {
        return Identifiers.SLUG.substring(1, Identifiers.SLUG.length() - 1);
    }

    private static String requireSlug(String chantierId) {
        if (chantierId == null || !chantierId.matches(Identifiers.SLUG)) {
            throw new IllegalArgumentException("A chantier id is a slug; got " + chantierId);
        }
        return chantierId;
    }

    /** The dead-letter topic of a topic: records that could not be processed, with the reason in headers. */
    public static String deadLetterOf(String topic) {
        return topic + ".dlq";
    }
}
