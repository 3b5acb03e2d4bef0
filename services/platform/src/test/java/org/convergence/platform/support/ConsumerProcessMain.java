package org.convergence.platform.support;

import org.convergence.contracts.IntegrationEventCodec;
import org.convergence.contracts.IntegrationEvents;
import org.convergence.platform.kafka.KafkaClients;
import org.convergence.platform.messaging.EventConsumerLoop;
import org.convergence.platform.messaging.ConsumedEvent;
import org.apache.kafka.common.TopicPartition;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * A consuming service reduced to its consumer, run as its own process so that a test can kill it for real. It uses
 * the platform's {@link KafkaClients} and {@link EventConsumerLoop} as a service does, and reports on stdout:
 * {@code ASSIGNED n}, then per event {@code APPLIED <key>} (mode {@code apply}), or {@code HANDLING <count>} just
 * before it halts the JVM without storing anything or closing anything (mode {@code halt}: a crash inside the
 * handler).
 * <p>Arguments: bootstrap servers, topic, group, instance id ({@code dynamic} for none), mode, session timeout.
 */
public final class ConsumerProcessMain {

    public static void main(String[] args) throws Exception {
        String bootstrap = args[0];
        String topic = args[1];
        String group = args[2];
        String instanceId = args[3];
        String mode = args[4];
        String sessionTimeout = args[5];
        KafkaClients kafka = TestConfig.kafka(bootstrap, Map.of("convergence.consumer.instance-id", instanceId,
                "convergence.consumer.session-timeout", sessionTimeout));
        EventConsumerLoop loop = new EventConsumerLoop(group, List.of(topic), () -> kafka.consumer(group),
                () -> kafka.producer(group + "-dlq"), new IntegrationEventCodec(IntegrationEvents.all()),
                events -> {
                    if ("halt".equals(mode)) {
                        say("HANDLING " + events.size());
                        Runtime.getRuntime().halt(3);
                    }
                    for (ConsumedEvent event : events) {
                        say("APPLIED " + event.envelope().key());
                    }
                    return Map.of();
                }, EventConsumerLoop.Settings.withRetryBackoff(Duration.ofMillis(200)));
        loop.onPartitions(new EventConsumerLoop.PartitionListener() {
            @Override
            public void assigned(Collection<TopicPartition> partitions) {
                say("ASSIGNED " + partitions.size());
            }
        });
        loop.start();
        Thread.currentThread().join();
    }

    private static synchronized void say(String line) {
        System.out.println(line);
        System.out.flush();
    }
}
