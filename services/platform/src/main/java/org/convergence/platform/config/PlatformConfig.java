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

    /** The program catalogue, keyed by program code (see {@link org.convergence.platform.programs.ProgramCatalog}). */
    Map<String, ProgramSettings> programs();

    interface Health {
        /** Whether readiness fails while Kafka is unreachable (a publishing service may stay ready). */
        @WithDefault("true")
        boolean kafkaRequired();
    }

    interface Http {
        /** Bodies declared larger than this are refused with 413 before anything reads them. */
        @WithDefault("1048576")
        long maxBodyBytes();
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
        @WithDefault("500")
        int streamsPerBatch();
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
