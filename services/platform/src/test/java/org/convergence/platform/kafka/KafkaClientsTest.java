package org.convergence.platform.kafka;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.convergence.platform.support.TestConfig;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KafkaClientsTest {

    private final Map<String, Object> relay = KafkaClients.producerSettings("127.0.0.1:9092", "relay");

    /** A stream's order through retries and nothing acknowledged before every replica has it (ADR 0008, 0014). */
    @Test
    void theRelaysProducerWaitsForAllReplicasAndIsIdempotent() {
        assertEquals("all", relay.get(ProducerConfig.ACKS_CONFIG));
        assertEquals(true, relay.get(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG));
    }

    /**
     * Larger batches, same latency (ADR 0047): a wave's share of a partition goes out in one batch, and a lone event
     * still leaves after linger.ms, well under the second a fact takes to reach a figure.
     */
    @Test
    void theRelaysProducerBatchesAWaveWithoutLingeringLonger() {
        assertTrue((int) relay.get(ProducerConfig.BATCH_SIZE_CONFIG) >= 256 * 1024, "batch.size");
        assertEquals(5, relay.get(ProducerConfig.LINGER_MS_CONFIG));
    }

    /** The batch a consumer is given is the one it polls; nothing else in its settings changes with it (ADR 0054). */
    @Test
    void aConsumerPollsAtMostTheRecordsItIsGiven() {
        KafkaClients clients = TestConfig.kafka("127.0.0.1:9092", Map.of());
        Map<String, Object> small = clients.consumerSettings("door", Optional.empty(), 500);
        Map<String, Object> large = clients.consumerSettings("door", Optional.empty(), 10_000);
        assertEquals(500, small.get(ConsumerConfig.MAX_POLL_RECORDS_CONFIG));
        assertEquals(10_000, large.get(ConsumerConfig.MAX_POLL_RECORDS_CONFIG));
        small.remove(ConsumerConfig.MAX_POLL_RECORDS_CONFIG);
        large.remove(ConsumerConfig.MAX_POLL_RECORDS_CONFIG);
        assertEquals(large, small);
        assertThrows(IllegalArgumentException.class, () -> clients.consumerSettings("door", Optional.empty(), 0));
    }
}
