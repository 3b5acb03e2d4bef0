package org.convergence.simulator;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.convergence.contracts.IntegrationEventCodec;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Sends records as a vendor's software would: its own producer (idempotent, every replica acknowledges), key = the
 * pathway, value = the contract envelope with the id the sender chose. Returns once the broker holds them all.
 */
public final class KafkaSender implements AutoCloseable {

    private final IntegrationEventCodec codec;
    private final Clock clock;
    private final KafkaProducer<String, byte[]> producer;

    public KafkaSender(String bootstrapServers, IntegrationEventCodec codec, Clock clock) {
        this.codec = codec;
        this.clock = clock;
        this.producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.CLIENT_ID_CONFIG, "chantier-simulator",
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 5),
                new StringSerializer(), new ByteArraySerializer());
    }

    public void send(List<SimulatedRecord> records) {
        List<Future<RecordMetadata>> acknowledgements = new ArrayList<>(records.size());
        for (SimulatedRecord record : records) {
            acknowledgements.add(producer.send(new ProducerRecord<>(record.topic(), record.key(),
                    record.value(codec, clock.instant()))));
        }
        producer.flush();
        for (Future<RecordMetadata> acknowledgement : acknowledgements) {
            try {
                acknowledgement.get(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            } catch (ExecutionException | TimeoutException e) {
                throw new IllegalStateException("The broker did not acknowledge a record", e);
            }
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
