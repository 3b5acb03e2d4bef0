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
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.convergence.platform.eventstore.MongoEventStore;

/**
 * Axon Framework without Spring: one {@link DefaultConfigurer} per service, using the Mongo event store,
 * started eagerly and shut down with the application.
 */
@Singleton
@Startup
public class AxonRuntime {

    private final Configuration configuration;

    public AxonRuntime(MongoEventStore storageEngine, Instance<AxonModule> modules) {
        Configurer configurer = DefaultConfigurer.defaultConfiguration()
                .configureEmbeddedEventStore(c -> storageEngine);
        modules.forEach(module -> module.configure(configurer));
        this.configuration = configurer.start();
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
