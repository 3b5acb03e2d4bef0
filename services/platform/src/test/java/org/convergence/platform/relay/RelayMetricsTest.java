package org.convergence.platform.relay;

import com.mongodb.client.MongoDatabase;
import io.micrometer.prometheus.PrometheusConfig;
import io.micrometer.prometheus.PrometheusMeterRegistry;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.convergence.contracts.IntegrationEventCodec;
import org.convergence.contracts.IntegrationEvents;
import org.convergence.platform.eventstore.MongoEventStore;
import org.convergence.platform.support.ScriptedProducer;
import org.convergence.platform.support.Tally;
import org.convergence.platform.support.TestEvents;
import org.convergence.platform.support.InMemoryMongo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.convergence.platform.support.TestEvents.counted;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The relay's Prometheus metrics appear under their documented names and follow what the relay does. */
class RelayMetricsTest {

    @RegisterExtension
    static final InMemoryMongo MONGO = new InMemoryMongo();



    @Test
    void backlogPublishedEventsFailedRoundsAndSkippedStreamsAreExportedAndMove() {
        MongoDatabase database = MONGO.freshDatabase("metrics");
        MongoEventStore store = new MongoEventStore(database, () -> { });
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        MovableClock clock = new MovableClock();
        ScriptedProducer producer = new ScriptedProducer();
        EventRelay relay = relay(database, store, registry, clock, producer, "owner");

        assertEquals(Double.NaN, value(registry, "convergence_relay_backlog_streams"), "no round yet");
        assertEquals(0, value(registry, "convergence_relay_lease_held"));

        store.appendEvents(List.of(counted("a", 0), counted("b", 0), counted("b", 1), counted("c", 0)));
        producer.failWhen(record -> true);
        assertThrows(IllegalStateException.class, relay::relayOnce);

        assertEquals(1, value(registry, "convergence_relay_rounds_failed_total"));
        assertEquals(3, value(registry, "convergence_relay_backlog_streams"));
        assertEquals(1, value(registry, "convergence_relay_lease_held"));
        double age = value(registry, "convergence_relay_backlog_oldest_age_seconds");
        assertTrue(age >= 0 && age < 60, "the announcement was written moments ago: " + age);
        clock.advance(Duration.ofSeconds(30));
        assertEquals(age + 30, value(registry, "convergence_relay_backlog_oldest_age_seconds"), 0.5,
                "the oldest announcement ages between rounds: a stalled relay shows");
        assertEquals(0, value(registry, "convergence_relay_events_published_total"));

        producer.failWhen(record -> false);
        assertEquals(4, relay.relayOnce());
        assertEquals(4, value(registry, "convergence_relay_events_published_total"));
        relay.relayOnce();
        assertEquals(0, value(registry, "convergence_relay_backlog_streams"));
        assertEquals(0, value(registry, "convergence_relay_backlog_oldest_age_seconds"));

        store.appendEvents(List.of(new GenericDomainEventMessage<>("Tally", "odd", 0, new Tally.Opened("odd", 1))));
        relay.relayOnce();
        assertEquals(1, value(registry, "convergence_relay_streams_skipped_total"));
        assertEquals(1, value(registry, "convergence_relay_backlog_streams"));
    }

    @Test
    void aReplicaThatLostTheLeaseStopsReportingABacklogOfItsOwn() {
        MongoDatabase database = MONGO.freshDatabase("metrics");
        MongoEventStore store = new MongoEventStore(database, () -> { });
        PrometheusMeterRegistry firstMetrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        PrometheusMeterRegistry secondMetrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        MovableClock clock = new MovableClock();
        EventRelay first = relay(database, store, firstMetrics, clock, new ScriptedProducer(), "first");
        EventRelay second = relay(database, store, secondMetrics, clock, new ScriptedProducer(), "second");
        store.appendEvents(List.of(counted("a", 0)));

        first.relayOnce();
        assertEquals(1, value(firstMetrics, "convergence_relay_lease_held"));
        assertEquals(0, value(firstMetrics, "convergence_relay_backlog_oldest_age_seconds"));
        first.close(); // releases the lease at shutdown
        second.relayOnce();
        first.relayOnce();

        assertEquals(1, value(secondMetrics, "convergence_relay_lease_held"));
        assertEquals(0, value(firstMetrics, "convergence_relay_lease_held"));
        assertEquals(Double.NaN, value(firstMetrics, "convergence_relay_backlog_streams"));
        assertEquals(Double.NaN, value(firstMetrics, "convergence_relay_backlog_oldest_age_seconds"));
    }

    private static EventRelay relay(MongoDatabase database, MongoEventStore store, PrometheusMeterRegistry registry,
                                    Clock clock, ScriptedProducer producer, String owner) {
        RelayLease lease = new RelayLease(database.getCollection("relay_leases"), "test-service", owner,
                Duration.ofSeconds(10), Clock.systemUTC());
        return new EventRelay(store, database, lease, TestEvents.translatorTo("test.metrics"),
                new IntegrationEventCodec(IntegrationEvents.all()), producer,
                new EventRelay.Settings(Duration.ofMillis(20), Duration.ofSeconds(2), 500),
                new RelayMetrics(registry, clock));
    }

    /** The value of a sample without labels in the Prometheus exposition text, as /q/metrics serves it. */
    private static double value(PrometheusMeterRegistry registry, String name) {
        Matcher matcher = Pattern.compile("(?m)^" + name + "(?:\\{[^}]*\\})? (\\S+)$").matcher(registry.scrape());
        assertTrue(matcher.find(), name + " is exported");
        return Double.parseDouble(matcher.group(1));
    }

    /** The system clock, moved forward by a test. */
    private static final class MovableClock extends Clock {
        private Duration offset = Duration.ZERO;

        void advance(Duration by) {
            offset = offset.plus(by);
        }

        @Override
        public Instant instant() {
            return Instant.now().plus(offset);
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
