package org.convergence.platform.axon;

import io.quarkus.runtime.Startup;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.Configuration;
import org.axonframework.config.Configurer;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventhandling.EventBusSpanFactory;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.convergence.platform.eventstore.MongoEventStore;

import java.util.List;

/**
 * Axon Framework without Spring: one {@link DefaultConfigurer} per service, using the Mongo event store,
 * started eagerly and shut down with the application.
 */
@Singleton
@Startup
public class AxonRuntime {

    private final Configuration configuration;

    public AxonRuntime(MongoEventStore storageEngine, Instance<AxonModule> modules) {
        Configurer configurer = configurer(storageEngine);
        modules.forEach(module -> module.configure(configurer));
        this.configuration = configurer.start();
    }

    /**
     * The platform's Axon configuration over a storage engine. The events a command applies carry the metadata
     * the command was sent with ({@code recordedBy}, and e.g. {@code source=import}), besides Axon's trace and
     * correlation ids: Axon copies nothing from a command to its events unless told to. The event store is Axon's
     * embedded one with staged events gathered in linear time ({@link StagedEventsInLinearTime}, ADR 0030); command
     * targets are resolved with their member found once per class ({@link CachedCommandTargetResolver}).
     */
    public static Configurer configurer(EventStorageEngine storageEngine) {
        return DefaultConfigurer.defaultConfiguration()
                .configureEventStore(c -> {
                    StagedEventsInLinearTime store = new StagedEventsInLinearTime(EmbeddedEventStore.builder()
                            .storageEngine(storageEngine)
                            .messageMonitor(c.messageMonitor(EmbeddedEventStore.class, "eventStore"))
                            .spanFactory(c.getComponent(EventBusSpanFactory.class)));
                    c.onShutdown(store::shutDown);
                    return store;
                })
                .registerComponent(CommandTargetResolver.class, c -> CachedCommandTargetResolver.INSTANCE)
                .configureCorrelationDataProviders(c -> List.of(new MessageOriginProvider(),
                        (CorrelationDataProvider) Message::getMetaData));
    }

    @Produces
    @Singleton
    CommandGateway commandGateway() {
        return configuration.commandGateway();
    }

    public EventStore eventStore() {
        return configuration.eventStore();
    }

    @PreDestroy
    void shutdown() {
        configuration.shutdown();
    }
}
