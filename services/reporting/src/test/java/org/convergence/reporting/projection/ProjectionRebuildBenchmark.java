package org.convergence.reporting.projection;

import org.convergence.testsupport.TestEnvelopes;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.convergence.contracts.EventEnvelope;
import org.convergence.contracts.IntegrationEventCodec;
import org.convergence.contracts.IntegrationEventType;
import org.convergence.contracts.IntegrationEvents;
import org.convergence.contracts.IntegrationPayload;
import org.convergence.contracts.enrolment.ChantierRegisteredV1;
import org.convergence.contracts.enrolment.CheckInRecordedV1;
import org.convergence.contracts.enrolment.EnrolmentEvents;
import org.convergence.contracts.enrolment.ParticipantEnrolledV1;
import org.convergence.contracts.enrolment.PathwayExitRecordedV1;
import org.convergence.contracts.enrolment.TerritoryRegisteredV1;
import org.convergence.embedded.ConvergenceStack;
import org.convergence.embedded.EmbeddedMongo;
import org.convergence.platform.messaging.EventConsumerLoop;
import org.convergence.reporting.figures.FiguresService;
import org.convergence.reporting.figures.NationalFigures;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.Year;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * How fast the reporting read model is rebuilt from a topic (a new generation reading from the start), on the
 * embedded server's H2 file backend and the real embedded broker; then how long the national figures take.
 * Prints figures; asserts only that the rebuilt figures match the generated data.
 * Run: {@code ./mvnw -B -pl services/reporting -am test -Dbenchmark -Dtest=ProjectionRebuildBenchmark
 * -Dsurefire.failIfNoSpecifiedTests=false} ({@code -Dbench.pathways=N} to change the size).
 */
@Tag("benchmark")
class ProjectionRebuildBenchmark {

    private static final int TERRITORIES = 6;
    private static final int CHANTIERS_PER_TERRITORY = 8;

    private final IntegrationEventCodec codec = new IntegrationEventCodec(IntegrationEvents.all());

    @Test
    void rebuildRateAndNationalFiguresTime() throws Exception {
        int pathways = Integer.getInteger("bench.pathways", 20_000);
        String topic = "bench.rebuild." + UUID.randomUUID();
        String bootstrap = ConvergenceStack.kafkaBootstrapServers();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            admin.createTopics(List.of(new NewTopic(topic, 6, (short) 1))).all().get();
        }
        int events;
        int exits2020 = 0;
        Random random = new Random(42);
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ProducerConfig.LINGER_MS_CONFIG, 20),
                new StringSerializer(), new ByteArraySerializer())) {
            Publisher publish = new Publisher(producer, topic);
            for (int t = 0; t < TERRITORIES; t++) {
                String territory = "t" + t;
                publish.send(EnrolmentEvents.TERRITORY_REGISTERED, new TerritoryRegisteredV1(territory, territory,
                        "URBAN"), territory, territory, null);
                for (int c = 0; c < CHANTIERS_PER_TERRITORY; c++) {
                    String chantier = territory + "-c" + c;
                    publish.send(EnrolmentEvents.CHANTIER_REGISTERED, new ChantierRegisteredV1(chantier, territory,
                            chantier, List.of(new ChantierRegisteredV1.ProgramCarried("CONVERGENCE",
                            LocalDate.of(2015, 1, 1)))), territory, territory, chantier);
                }
            }
            for (int i = 0; i < pathways; i++) {
                String territory = "t" + (i % TERRITORIES);
                String chantier = territory + "-c" + random.nextInt(CHANTIERS_PER_TERRITORY);
                String participant = UUID.randomUUID().toString();
                String pathway = UUID.randomUUID().toString();
                LocalDate entry = LocalDate.of(2016, 1, 4).plusDays(random.nextInt(365 * 5));
                publish.send(EnrolmentEvents.PARTICIPANT_ENROLLED, new ParticipantEnrolledV1(pathway, participant,
                        "CONVERGENCE", territory, chantier, entry, null), participant, territory, chantier);
                if (random.nextInt(10) < 7) {
                    LocalDate exit = entry.plusDays(30 + random.nextInt(700));
                    if (exit.isAfter(LocalDate.of(2025, 12, 31))) {
                        continue;
                    }
                    exits2020 += exit.getYear() == 2020 ? 1 : 0;
                    publish.send(EnrolmentEvents.PATHWAY_EXIT_RECORDED, new PathwayExitRecordedV1(pathway, participant,
                            "CONVERGENCE", exit, "OTHER", null), participant, territory, chantier);
                    publish.send(EnrolmentEvents.CHECK_IN_RECORDED, new CheckInRecordedV1(pathway, participant, 1,
                            exit.plusMonths(1), "OTHER", "STREET"), participant, territory, chantier);
                }
            }
            producer.flush();
            events = publish.count;
        }

        Path dir = Files.createTempDirectory(Path.of("target"), "bench-rebuild-");
        try (EmbeddedMongo mongo = EmbeddedMongo.h2(dir.resolve("bench.mv"), 0);
             MongoClient client = MongoClients.create(mongo.connectionString())) {
            ReadModel model = new ReadModel(client.getDatabase("reporting"), "bench");
            String group = "bench-" + UUID.randomUUID();
            long start = System.nanoTime();
            try (EventConsumerLoop loop = new EventConsumerLoop(new KafkaConsumer<>(Map.of(
                    ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ConsumerConfig.GROUP_ID_CONFIG, group,
                    ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest", ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                    new StringDeserializer(), new ByteArrayDeserializer()),
                    new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap),
                            new StringSerializer(), new ByteArraySerializer()),
                    codec, new PathwayProjection(model, codec), List.of(topic), group, Duration.ofMillis(200))) {
                loop.start();
                while (loop.appliedCount() + loop.deadLetteredCount() < events) {
                    Thread.sleep(100);
                }
                double seconds = (System.nanoTime() - start) / 1e9;
                assertEquals(0, loop.deadLetteredCount());

                long figuresStart = System.nanoTime();
                NationalFigures nation = new FiguresService(model).national(Year.of(2020));
                double figuresSeconds = (System.nanoTime() - figuresStart) / 1e9;
                assertEquals(exits2020, nation.exits());
                System.out.printf("%nrebuild benchmark: %d events (%d pathways) rebuilt in %.1f s = %.0f events/s; "
                        + "national 2020 figures over %d territories in %.2f s (accompanied %d, exits %d)%n", events,
                        pathways, seconds, events / seconds, TERRITORIES, figuresSeconds, nation.accompanied(),
                        nation.exits());
            }
        }
    }

    /** Sends envelopes and counts them. */
    private final class Publisher {

        private final KafkaProducer<String, byte[]> producer;
        private final String topic;
        private int count;

        Publisher(KafkaProducer<String, byte[]> producer, String topic) {
            this.producer = producer;
            this.topic = topic;
        }

        <P extends IntegrationPayload> void send(IntegrationEventType<P> type, P payload, String key,
                                                 String territoryId, String chantierId) {
            EventEnvelope envelope = TestEnvelopes.envelope(type, payload, LocalDate.of(2020, 1, 1), key,
                    territoryId, chantierId);
            producer.send(new ProducerRecord<>(topic, key, codec.encode(envelope)));
            count++;
        }
    }
}
