package org.convergence.platform.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import org.convergence.platform.programs.ProgramSettings;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** Settings every service shares, from {@code convergence.*} properties or the matching environment variables. */
@ConfigMapping(prefix = "convergence")
public interface PlatformConfig {

    /** Name of the service: consumer group, relay lease and log field. */
    String serviceName();

    /** MongoDB database owned by this service. */
    String database();

    Relay relay();

    Consumer consumer();

    ReadModel readModel();

    Views views();

    Topics topics();

    Health health();

    Http http();

    Input input();

    /** The program catalogue, keyed by program code (see {@link org.convergence.platform.programs.ProgramCatalog}). */
    Map<String, ProgramSettings> programs();

    /** Employer transition rules that more than one service applies (transitions and reporting). */
    TransitionRules transitions();

    interface TransitionRules {
        /**
         * A transition without a follow-up meeting for this many weeks after its last one (or its start) is on the
         * alert list from the day after ({@code CONVERGENCE_TRANSITIONS_MEETING_ALERT_WEEKS}).
         */
        @WithDefault("4")
        int meetingAlertWeeks();
    }

    interface Health {
        /** Whether readiness fails while Kafka is unreachable (a publishing service may stay ready). */
        @WithDefault("true")
        boolean kafkaRequired();
    }

    interface Http {
        /** Bodies larger than this, declared or chunked, are refused with 413 before anything reads them. */
        @WithDefault("1048576")
        long maxBodyBytes();

        /** Longer request targets (path and query) are refused with 414. */
        @WithDefault("4096")
        int maxUriLength();

        /** Larger request headers (names and values together) are refused with 431. */
        @WithDefault("16384")
        int maxHeaderBytes();

        /**
         * Requests served at once (the service's {@code /q/} endpoints excepted); more are answered 503 OVERLOADED
         * with Retry-After at once, before their body is read. Well above what the worker pool serves at once (so
         * a burst waits rather than being refused), well below the 1,450 queued requests that filled a 72 MB heap in
         * the sustained-load benchmark.
         */
        @WithDefault("128")
        int maxRequestsInFlight();
    }

    interface Input {
        /** The plausible window of each kind of date (defaults in the platform's microprofile-config.properties). */
        Map<String, DateRange> dates();
    }

    /** Two ends, each {@code YYYY-MM-DD}, {@code today} or {@code today+/-N(y|m|d)}. */
    interface DateRange {
        String from();

        String to();
    }

    interface Relay {
        @WithDefault("true")
        boolean enabled();

        @WithDefault("500ms")
        Duration pollInterval();

        @WithDefault("15s")
        Duration publishTimeout();

        @WithDefault("15s")
        Duration leaseTtl();

        /** Streams walked together: one {@code $in} read per wave, one bulk cursor write (ADR 0008). */
        @WithDefault("2000")
        int streamsPerBatch();
    }

    /** Every consumer loop of the service ({@code platform/messaging}). */
    interface Consumer {
        /** Pause before retrying after a transient failure, and between two tries of one record. */
        @WithDefault("2s")
        Duration retryBackoff();

        /** A loop that stopped restarts after a back-off doubling from retry-backoff up to this. */
        @WithDefault("30s")
        Duration maxRestartBackoff();

        /** Times a record failing on its own is tried before it is dead-lettered. */
        @WithDefault("3")
        int poisonAttempts();

        /** How long a fact about something this service has not seen yet waits before it is dead-lettered. */
        @WithDefault("10m")
        Duration retryLaterPatience();

        /** Largest batch of a projection: bigger batches fold more events into each document write (rebuilds). */
        @WithDefault("2000")
        int maxPollRecords();

        /**
         * Largest batch of a consumer that sends commands (a door; not rebuildable). A batch is one unit of work:
         * every record's decoded form, aggregate, events and stored documents stay in the heap until it commits,
         * so this is bounded by the heap, not by round trips (ADR 0054).
         */
        @WithDefault("500")
        int commandPollRecords();

        /**
         * Static group membership (ADR 0009): a consumer restarted with the same id gets its partitions back at
         * once instead of waiting for the dead member's session to expire. Default: the host name (the pod's name
         * in Kubernetes); {@code dynamic} turns static membership off. Unique per replica.
         */
        Optional<String> instanceId();

        /** A member that stopped heart-beating is replaced after this (ADR 0009). */
        @WithDefault("10s")
        Duration sessionTimeout();

        @WithDefault("2s")
        Duration heartbeatInterval();

        /**
         * How often a consumer refreshes the broker's topic list ({@code metadata.max.age.ms}): a consumer that
         * reads by topic pattern (a chantier's own inbound topics, ADR 0021) starts reading a topic created while it
         * runs within this, plus one rebalance. Kafka's default is 5 min; a refresh is one small metadata request.
         */
        @WithDefault("30s")
        Duration topicDiscovery();
    }

    /** Read models of the service: collections prefixed by the generation, one consumer group per generation. */
    interface ReadModel {
        /**
         * Bump it to rebuild every read model of the service from the start of its topics into new collections
         * (runbook). Each projecting service sets its default in its own application.properties.
         */
        @WithDefault("g1")
        String generation();
    }

    /** Local views of other services' facts that a service declares ({@code platform/views}). */
    interface Views {
        Enrolment enrolment();

        interface Enrolment {
            /** Runs the enrolment view (pathways and chantiers from convergence.enrolment.v1) in this service. */
            @WithDefault("false")
            boolean enabled();
        }
    }

    interface Topics {
        /** Partitions of the topics a service creates at start-up when they do not exist. */
        @WithDefault("6")
        int partitions();

        @WithDefault("1")
        short replicationFactor();
    }
}
