package org.convergence.platform.relay;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * What an operator needs to see of the relay, as Prometheus metrics (on {@code /q/metrics}):
 * <ul>
 *   <li>{@code convergence_relay_backlog_streams}: streams with announced commits not yet published, as the
 *       lease holder's last round found them, then as it left them (NaN on a replica without the lease);</li>
 *   <li>{@code convergence_relay_backlog_oldest_age_seconds}: age of the oldest announcement still queued, growing
 *       between rounds, so a stalled relay shows;</li>
 *   <li>{@code convergence_relay_events_published_total}: events the broker acknowledged (a re-send counts again);</li>
 *   <li>{@code convergence_relay_rounds_failed_total}: rounds that stopped on a Kafka or MongoDB failure;</li>
 *   <li>{@code convergence_relay_streams_skipped_total}: stream visits skipped because a stored commit does not
 *       read or translate (the stream stays queued);</li>
 *   <li>{@code convergence_relay_lease_held}: 1 on the replica that relays.</li>
 * </ul>
 */
public final class RelayMetrics {

    private final Clock clock;
    private final Counter published;
    private final Counter roundsFailed;
    private final Counter streamsSkipped;
    private volatile double backlogStreams = Double.NaN;
    private volatile Instant oldest;
    private volatile boolean leaseHeld;

    public RelayMetrics(MeterRegistry registry, Clock clock) {
        this.clock = clock;
        Gauge.builder("convergence.relay.backlog.streams", this, m -> m.backlogStreams)
                .description("Streams with announced commits not yet published (lease holder only)")
                .register(registry);
        Gauge.builder("convergence.relay.backlog.oldest.age", this, RelayMetrics::oldestAgeSeconds)
                .description("Age of the oldest announcement still in the relay queue")
                .baseUnit("seconds")
                .register(registry);
        Gauge.builder("convergence.relay.lease.held", this, m -> m.leaseHeld ? 1 : 0)
                .description("1 on the replica holding the relay lease")
                .register(registry);
        published = Counter.builder("convergence.relay.events.published")
                .description("Events published and acknowledged by the broker")
                .register(registry);
        roundsFailed = Counter.builder("convergence.relay.rounds.failed")
                .description("Relay rounds stopped by a Kafka or MongoDB failure")
                .register(registry);
        streamsSkipped = Counter.builder("convergence.relay.streams.skipped")
                .description("Stream visits skipped because a stored commit does not read or translate")
                .register(registry);
    }

    void backlog(int streams, Optional<Instant> oldestAnnouncement) {
        leaseHeld = true;
        backlogStreams = streams;
        oldest = oldestAnnouncement.orElse(null);
    }

    void notLeaseHolder() {
        leaseHeld = false;
        backlogStreams = Double.NaN;
        oldest = null;
    }

    void published(int events) {
        published.increment(events);
    }

    void roundFailed() {
        roundsFailed.increment();
    }

    void streamSkipped() {
        streamsSkipped.increment();
    }

    private double oldestAgeSeconds() {
        Instant at = oldest;
        if (at == null) {
            return leaseHeld ? 0 : Double.NaN;
        }
        return Math.max(0, clock.millis() - at.toEpochMilli()) / 1000.0;
    }
}
