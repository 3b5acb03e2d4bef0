package org.convergence.embedded;

import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.mongodb.MongoDBContainer;

/**
 * Real MongoDB and Kafka images through Testcontainers, for machines with Docker (CI). Only
 * {@link ConvergenceStack} refers to this class, and only when the containers switch is on, so the
 * Testcontainers classes are never loaded otherwise. Testcontainers 2.x (managed by the Quarkus BOM):
 * {@code org.testcontainers.mongodb.MongoDBContainer} runs a single-node replica set only when asked, and
 * {@code org.testcontainers.kafka.KafkaContainer} runs the apache/kafka image in KRaft mode.
 */
final class ContainerServers implements ConvergenceStack.Servers {

    private final MongoDBContainer mongo = new MongoDBContainer("mongo:7.0").withReplicaSet();
    private final KafkaContainer kafka = new KafkaContainer("apache/kafka:4.1.1");

    private ContainerServers() {
    }

    static ContainerServers start() {
        ContainerServers servers = new ContainerServers();
        try {
            servers.mongo.start();
            servers.kafka.start();
        } catch (RuntimeException e) {
            servers.stop();
            throw e;
        }
        return servers;
    }

    @Override
    public String kafkaBootstrapServers() {
        return kafka.getBootstrapServers();
    }

    @Override
    public String mongoConnectionString() {
        return mongo.getConnectionString();
    }

    @Override
    public void stop() {
        kafka.stop();
        mongo.stop();
    }
}
