package org.convergence.platform.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.health.api.HealthRegistry;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Singleton;
import org.convergence.contracts.IntegrationEventCodec;
import org.convergence.platform.config.PlatformConfig;
import org.convergence.platform.health.ConsumerHealth;
import org.convergence.platform.kafka.KafkaClients;
import org.eclipse.microprofile.health.Liveness;
import org.eclipse.microprofile.health.Readiness;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs every consumer the service declares ({@link ConsumerDeclaration} beans): creates its named topics if absent,
 * starts its supervised loop with the service's settings ({@code convergence.consumer.*}), and publishes its
 * readiness, liveness and metrics. A service writes handlers and a declaration, never a loop.
 */
@Singleton
public class ConsumerRuntime {

    private static final Logger LOG = Logger.getLogger(ConsumerRuntime.class);

    private final PlatformConfig config;
    private final KafkaClients kafka;
    private final IntegrationEventCodec codec;
    private final Instance<ConsumerDeclaration> declarations;
    private final MeterRegistry metrics;
    private final HealthRegistry readiness;
    private final HealthRegistry liveness;
    private final Map<String, EventConsumerLoop> loops = new LinkedHashMap<>();

    public ConsumerRuntime(PlatformConfig config, KafkaClients kafka, IntegrationEventCodec codec,
                           @Any Instance<ConsumerDeclaration> declarations, MeterRegistry metrics,
                           @Readiness HealthRegistry readiness, @Liveness HealthRegistry liveness) {
        this.config = config;
        this.kafka = kafka;
        this.codec = codec;
        this.declarations = declarations;
        this.metrics = metrics;
        this.readiness = readiness;
        this.liveness = liveness;
    }

    void onStart(@Observes StartupEvent event) {
        List<ConsumerDeclaration> declared = new ArrayList<>();
        declarations.forEach(declared::add);
        for (ConsumerDeclaration declaration : declared) {
            start(declaration);
        }
    }

    private synchronized void start(ConsumerDeclaration declaration) {
        if (loops.containsKey(declaration.name())) {
            throw new IllegalStateException("Two consumers are named " + declaration.name());
        }
        String group = declaration.groupId(config.serviceName(), config.readModel().generation());
        int batch = declaration.maxPollRecords(config.consumer());
        EventConsumerLoop loop;
        if (declaration.topicPattern() == null) {
            kafka.ensureTopics(declaration.topics());
            loop = new EventConsumerLoop(group, List.copyOf(declaration.topics()), () -> kafka.consumer(group, batch),
                    () -> kafka.producer(group + "-dlq"), codec, declaration.handler(), settings());
            loop.requireCoPartitioned(declaration.coPartitioned());
        } else {
            // Topics of a pattern are an operator's to create (with their dead-letter topics, ADR 0021).
            loop = new EventConsumerLoop(group, declaration.topicPattern(), () -> kafka.patternConsumer(group, batch),
                    () -> kafka.producer(group + "-dlq"), codec, declaration.handler(), settings());
        }
        loop.onDeadLetter(declaration.deadLetters());
        loop.decodeOnly(declaration.interest());
        ConsumerMetrics.bind(metrics, declaration.name(), loop);
        readiness.register("consumer " + declaration.name(), ConsumerHealth.readiness(declaration.name(), loop));
        liveness.register("consumer " + declaration.name(), ConsumerHealth.liveness(declaration.name(), loop));
        loops.put(declaration.name(), loop);
        loop.start();
        String instance = declaration.topicPattern() == null ? kafka.instanceId().orElse(null) : null;
        LOG.infof("Consumer %s started: group %s, topics %s, instance %s, batches of up to %d records",
                declaration.name(), group, declaration.subscription(),
                instance == null ? "(dynamic membership)" : instance, batch);
    }

    private EventConsumerLoop.Settings settings() {
        PlatformConfig.Consumer c = config.consumer();
        return new EventConsumerLoop.Settings(java.time.Duration.ofMillis(500), c.retryBackoff(),
                c.maxRestartBackoff(), c.poisonAttempts(), c.retryLaterPatience());
    }

    void onStop(@Observes ShutdownEvent event) {
        List<EventConsumerLoop> running;
        synchronized (this) {
            running = List.copyOf(loops.values());
        }
        running.forEach(EventConsumerLoop::close);
    }

    public synchronized Optional<EventConsumerLoop> loop(String name) {
        return Optional.ofNullable(loops.get(name));
    }

    public synchronized Map<String, EventConsumerLoop> loops() {
        return Map.copyOf(loops);
    }
}
