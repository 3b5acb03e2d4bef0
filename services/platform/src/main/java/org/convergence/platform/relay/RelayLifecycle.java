package org.convergence.platform.relay;

import com.mongodb.client.MongoDatabase;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Singleton;
import org.convergence.contracts.IntegrationEventCodec;
import org.convergence.platform.config.PlatformConfig;
import org.convergence.platform.eventstore.MongoEventStore;
import org.convergence.platform.kafka.KafkaClients;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

/** Runs the relay of a service that publishes events (it has an {@link IntegrationEventTranslator}). */
@Singleton
public class RelayLifecycle {

    private final PlatformConfig config;
    private final MongoEventStore store;
    private final MongoDatabase database;
    private final KafkaClients kafka;
    private final Instance<IntegrationEventTranslator> translator;
    private final IntegrationEventCodec codec;
    private final RelaySignal signal;
    private final MeterRegistry registry;
    private EventRelay relay;

    public RelayLifecycle(PlatformConfig config, MongoEventStore store, MongoDatabase database, KafkaClients kafka,
                          Instance<IntegrationEventTranslator> translator, IntegrationEventCodec codec,
                          RelaySignal signal, MeterRegistry registry) {
        this.config = config;
        this.store = store;
        this.database = database;
        this.kafka = kafka;
        this.translator = translator;
        this.codec = codec;
        this.signal = signal;
        this.registry = registry;
    }

    void onStart(@Observes StartupEvent event) {
        if (!config.relay().enabled() || !translator.isResolvable()) {
            return;
        }
        IntegrationEventTranslator publisher = translator.get();
        kafka.ensureTopics(publisher.topics());
        String owner = config.serviceName() + "-" + UUID.randomUUID();
        RelayLease lease = new RelayLease(database.getCollection("relay_leases"), config.serviceName(), owner,
                config.relay().leaseTtl(), Clock.systemUTC());
        relay = new EventRelay(store, database, lease, publisher, codec, kafka.producer(owner),
                new EventRelay.Settings(config.relay().pollInterval(), config.relay().publishTimeout(),
                        config.relay().streamsPerBatch()),
                new RelayMetrics(registry, Clock.systemUTC()));
        signal.listen(relay::wakeUp);
        relay.start();
    }

    void onStop(@Observes ShutdownEvent event) {
        if (relay != null) {
            relay.close();
        }
    }

    public Optional<EventRelay> relay() {
        return Optional.ofNullable(relay);
    }
}
