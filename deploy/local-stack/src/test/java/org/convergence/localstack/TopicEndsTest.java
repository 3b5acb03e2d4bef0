package org.convergence.localstack;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.convergence.embedded.EmbeddedKafka;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TopicEndsTest {

    /** The benchmark's wait for the relayed topic rests on this: each read is the topic's ends now, not cached. */
    @Test
    void oneClientReadsATopicsRecordCountOverAllPartitionsAgainAndAgain(@TempDir Path dir) throws Exception {
        try (EmbeddedKafka kafka = EmbeddedKafka.start(dir, 0);
             TopicEnds ends = new TopicEnds(kafka.bootstrapServers());
             KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                     ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()),
                     new StringSerializer(), new StringSerializer())) {
            for (int i = 0; i < 3; i++) {
                producer.send(new ProducerRecord<>("ends", "key-" + i, "v")).get();
            }
            assertEquals(3, ends.of("ends"));
            for (int i = 3; i < 8; i++) {
                producer.send(new ProducerRecord<>("ends", "key-" + i, "v")).get();
            }
            assertEquals(8, ends.of("ends"), "read again after more records");
        }
    }
}
