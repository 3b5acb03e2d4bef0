package org.convergence.embedded;

import org.testcontainers.containers.MongoDBContainer;
import org.testcontainers.kafka.KafkaContainer;

/** Real MongoDB (replica set) and Kafka images through Testcontainers; loaded only when that switch is on. */
final class ContainerServers implements ConvergenceStack.Servers {

    private final MongoDBContainer mongo = new MongoDBContainer("mongo:7.0");
    private final KafkaContainer kafka = new KafkaContainer("apache/kafka:4.1.1");

    private ContainerServers() {
    }

    static ContainerServers start() {
        ContainerServers servers = new ContainerServers();
        servers.mongo.start();
        servers.kafka.start();
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
