package org.convergence.platform.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import org.convergence.platform.programs.ProgramSettings;

import java.time.Duration;
import java.util.Map;

/** Settings every service shares, from {@code convergence.*} properties or the matching environment variables. */
@ConfigMapping(prefix = "convergence")
public interface PlatformConfig {

    /** Name of the service: consumer group, relay lease and log field. */
    String serviceName();

    /** MongoDB database owned by this service. */
    String database();

    Relay relay();

    Consumer consumer();

    Topics topics();

    Health health();

    Http http();

    Input input();

    /** The program catalogue, keyed by program code (see {@link org.convergence.platform.programs.ProgramCatalog}). */
    Map<String, ProgramSettings> programs();

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
    }

    interface Consumer {
        @WithDefault("2s")
        Duration retryBackoff();
    }

    interface Topics {
        /** Partitions of the topics a service creates at start-up when they do not exist. */
        @WithDefault("6")
        int partitions();

        @WithDefault("1")
        short replicationFactor();
    }
}
