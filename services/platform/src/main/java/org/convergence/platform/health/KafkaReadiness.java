package org.convergence.platform.health;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.admin.Admin;
import org.convergence.platform.kafka.KafkaClients;
import org.convergence.platform.config.PlatformConfig;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import java.util.concurrent.TimeUnit;

/**
 * Kafka's state in readiness. A consuming service is not ready without Kafka; a publishing service still
 * accepts commands (its events wait in the store for the relay), so it may only report the outage
 * ({@code convergence.health.kafka-required=false}) instead of leaving the load balancer.
 */
@Readiness
@ApplicationScoped
public class KafkaReadiness implements HealthCheck {

    private final KafkaClients clients;
    private final boolean required;
    private Admin admin;

    public KafkaReadiness(KafkaClients clients, PlatformConfig config) {
        this.clients = clients;
        this.required = config.health().kafkaRequired();
    }

    @Override
    public synchronized HealthCheckResponse call() {
        try {
            if (admin == null) {
                admin = clients.admin();
            }
            int nodes = admin.describeCluster().nodes().get(3, TimeUnit.SECONDS).size();
            return HealthCheckResponse.named("kafka").up().withData("reachable", true).withData("nodes", nodes).build();
        } catch (Exception e) {
            return HealthCheckResponse.named("kafka").status(!required)
                    .withData("reachable", false).withData("error", e.getClass().getSimpleName()).build();
        }
    }

    @PreDestroy
    synchronized void close() {
        if (admin != null) {
            admin.close();
        }
    }
}
