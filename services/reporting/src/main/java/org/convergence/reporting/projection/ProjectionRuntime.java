package org.convergence.reporting.projection;

import com.mongodb.client.MongoDatabase;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.convergence.contracts.IntegrationEventCodec;
import org.convergence.contracts.Topics;
import org.convergence.platform.config.PlatformConfig;
import org.convergence.platform.kafka.KafkaClients;
import org.convergence.platform.messaging.EventConsumerLoop;
import org.convergence.reporting.figures.FiguresService;
import org.convergence.reporting.search.ParticipantSearch;
import org.convergence.reporting.territories.Deployments;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.List;

/**
 * Wires the read model of the current generation and the consumer that feeds it. Bumping
 * {@code reporting.generation} rebuilds the read model from the start of the topics into new collections
 * under a new consumer group.
 */
@Singleton
public class ProjectionRuntime {

    private final ReadModel model;
    private final String groupId;
    private final KafkaClients kafka;
    private final IntegrationEventCodec codec;
    private final PlatformConfig config;
    private EventConsumerLoop loop;

    public ProjectionRuntime(MongoDatabase database, KafkaClients kafka, IntegrationEventCodec codec,
                             PlatformConfig config,
                             @ConfigProperty(name = "reporting.generation") String generation) {
        this.model = new ReadModel(database, generation);
        this.groupId = config.serviceName() + "-" + generation;
        this.kafka = kafka;
        this.codec = codec;
        this.config = config;
    }

    void onStart(@Observes StartupEvent event) {
        kafka.ensureTopics(java.util.Set.of(Topics.ENROLMENT));
        loop = new EventConsumerLoop(kafka.consumer(groupId), kafka.producer(groupId + "-dlq"), codec,
                new PathwayProjection(model, codec), List.of(Topics.ENROLMENT), groupId,
                config.consumer().retryBackoff());
        loop.start();
    }

    void onStop(@Observes ShutdownEvent event) {
        if (loop != null) {
            loop.close();
        }
    }

    @Produces
    @Singleton
    FiguresService figures() {
        return new FiguresService(model);
    }

    @Produces
    @Singleton
    Deployments deployments() {
        return new Deployments(model);
    }

    @Produces
    @Singleton
    ParticipantSearch participantSearch() {
        return new ParticipantSearch(model);
    }

    public EventConsumerLoop loop() {
        return loop;
    }
}
