package org.convergence.platform.relay;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.InsertManyOptions;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.axonframework.eventhandling.DomainEventMessage;
import org.bson.Document;
import org.convergence.contracts.EventEnvelope;
import org.convergence.contracts.IntegrationEventCodec;
import org.convergence.contracts.IntegrationEvents;
import org.convergence.embedded.ConvergenceStack;
import org.convergence.embedded.EmbeddedMongo;
import org.convergence.platform.eventstore.MongoEventStore;
import org.convergence.platform.kafka.KafkaClients;
import org.convergence.platform.support.TestEvents;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Future;

import static org.convergence.platform.support.TestEvents.counted;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * How fast the relay drains a backlog (events stored while it could not publish) on the H2 file backend and the
 * embedded broker, beside the raw rates measured in the same run: the embedded server's {@code insertMany} and
 * the broker taking the same envelopes from a producer with the relay's settings. Prints figures; asserts only
 * that every event was published.
 * Run: {@code ./mvnw -B -pl services/platform -am test -Dbenchmark -Dtest=RelayDrainBenchmark
 * -Dsurefire.failIfNoSpecifiedTests=false} ({@code -Dbench.streams=N}: streams of 2 commits of 1 event each).
 */
@Tag("benchmark")
class RelayDrainBenchmark {

    private static final int STREAMS = Integer.getInteger("bench.streams", 10_000);

    @Test
    void aBacklogDrainsBesideTheRawRates() throws Exception {
        String kafka = ConvergenceStack.kafkaBootstrapServers();
        Path dir = Files.createTempDirectory(Path.of("target"), "bench-drain-");
        try (EmbeddedMongo mongo = EmbeddedMongo.h2(dir.resolve("bench.mv"), 0);
             MongoClient client = MongoClients.create(mongo.connectionString())) {
            drain(client.getDatabase("warmup"), kafka, 1_000, false);
            drain(client.getDatabase("bench"), kafka, STREAMS, true);
        }
    }

    private static void drain(MongoDatabase database, String kafka, int streams, boolean print) throws Exception {
        String topic = "bench.drain." + UUID.randomUUID();
        MongoEventStore store = new MongoEventStore(database, () -> { });
        int events = 2 * streams;
        for (int commit = 0; commit < 2; commit++) {
            for (int from = 0; from < streams; from += 1_000) {
                List<DomainEventMessage<?>> batch = new ArrayList<>();
                for (int i = from; i < Math.min(streams, from + 1_000); i++) {
                    batch.add(counted("stream-" + i, commit));
                }
                store.appendEvents(batch);
            }
        }

        double rawInsert = rawInsertRate(database.getCollection("raw"), events);
        String rawTopic = "bench.raw." + UUID.randomUUID();
        createTopics(kafka, topic, rawTopic);
        double rawKafka = rawKafkaRate(kafka, rawTopic, events);

        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
                KafkaClients.producerSettings(kafka, "bench-relay"), new StringSerializer(), new ByteArraySerializer())) {
            RelayLease lease = new RelayLease(database.getCollection("relay_leases"), "bench", "bench-relay",
                    Duration.ofSeconds(30), Clock.systemUTC());
            EventRelay relay = new EventRelay(store, database, lease, TestEvents.translatorTo(topic),
                    new IntegrationEventCodec(IntegrationEvents.all()), producer,
                    new EventRelay.Settings(Duration.ofMillis(500), Duration.ofSeconds(30)),
                    new RelayMetrics(new SimpleMeterRegistry(), Clock.systemUTC()));
            long start = System.nanoTime();
            int published = 0;
            int rounds = 0;
            while (store.relayQueue().size() > 0) {
                published += relay.relayOnce();
                rounds++;
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            assertEquals(events, published);
            if (print) {
                System.out.printf("%nrelay drain on the H2 backend and the embedded broker: %,d events in %,d streams "
                        + "(2 commits each), %d round(s)%n", events, streams, rounds);
                System.out.printf("  relay drain                              %,9.0f events/s (%.1f s)%n",
                        events / seconds, seconds);
                System.out.printf("  raw insertMany of commit documents       %,9.0f documents/s%n", rawInsert);
                System.out.printf("  raw producer, same envelopes, all acked  %,9.0f events/s%n", rawKafka);
            }
        }
    }

    /** Six partitions, as the services create their topics. */
    private static void createTopics(String kafka, String... topics) throws Exception {
        try (Admin admin = Admin.create(java.util.Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka))) {
            List<NewTopic> wanted = new ArrayList<>();
            for (String topic : topics) {
                wanted.add(new NewTopic(topic, 6, (short) 1));
            }
            admin.createTopics(wanted).all().get();
        }
    }

    private static double rawInsertRate(MongoCollection<Document> raw, int count) {
        List<Document> documents = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            documents.add(new Document("_id", "raw-" + i + ":0").append("events", List.of(new Document("id",
                    UUID.randomUUID().toString()).append("payload", new Document("counterId", "raw-" + i)))));
        }
        long start = System.nanoTime();
        for (int from = 0; from < count; from += 1_000) {
            raw.insertMany(documents.subList(from, Math.min(count, from + 1_000)), new InsertManyOptions().ordered(false));
        }
        return count / ((System.nanoTime() - start) / 1e9);
    }

    private static double rawKafkaRate(String kafka, String topic, int count) throws Exception {
        IntegrationEventCodec codec = new IntegrationEventCodec(IntegrationEvents.all());
        var translator = TestEvents.translatorTo(topic);
        List<ProducerRecord<String, byte[]>> records = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            EventEnvelope envelope = translator.translate(counted("raw-" + (i / 2), i % 2)).get(0).envelope();
            records.add(new ProducerRecord<>(topic, envelope.key(), codec.encode(envelope)));
        }
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
                KafkaClients.producerSettings(kafka, "bench-raw"), new StringSerializer(), new ByteArraySerializer())) {
            long start = System.nanoTime();
            List<Future<RecordMetadata>> acks = new ArrayList<>(count);
            records.forEach(record -> acks.add(producer.send(record)));
            for (Future<RecordMetadata> ack : acks) {
                ack.get();
            }
            return count / ((System.nanoTime() - start) / 1e9);
        }
    }
}
