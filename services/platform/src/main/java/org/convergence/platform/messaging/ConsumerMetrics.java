package org.convergence.platform.messaging;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import org.apache.kafka.common.TopicPartition;

import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What an operator needs to see of a consumer, in {@code /q/metrics}: events applied and dead-lettered, restarts,
 * and the lag of each partition it holds ({@code convergence_consumer_lag}, one series per partition, gone when
 * the partition moves to another replica).
 */
final class ConsumerMetrics implements EventConsumerLoop.PartitionListener {

    private final MeterRegistry registry;
    private final EventConsumerLoop loop;
    private final Tags tags;
    private final Map<TopicPartition, Meter> lagGauges = new ConcurrentHashMap<>();

    private ConsumerMetrics(MeterRegistry registry, String consumer, EventConsumerLoop loop) {
        this.registry = registry;
        this.loop = loop;
        this.tags = Tags.of("consumer", consumer, "group", loop.groupId());
    }

    static void bind(MeterRegistry registry, String consumer, EventConsumerLoop loop) {
        ConsumerMetrics metrics = new ConsumerMetrics(registry, consumer, loop);
        FunctionCounter.builder("convergence.consumer.events.applied", loop, EventConsumerLoop::appliedCount)
                .description("Events applied (or passed over as not this consumer's concern)")
                .tags(metrics.tags).register(registry);
        FunctionCounter.builder("convergence.consumer.events.dead.lettered", loop,
                        EventConsumerLoop::deadLetteredCount)
                .description("Records sent to the dead-letter topic with their reason")
                .tags(metrics.tags).register(registry);
        FunctionCounter.builder("convergence.consumer.restarts", loop, EventConsumerLoop::restartCount)
                .description("Times the consumer loop stopped on a failure and started again")
                .tags(metrics.tags).register(registry);
        loop.onPartitions(metrics);
    }

    @Override
    public void assigned(Collection<TopicPartition> partitions) {
        for (TopicPartition partition : partitions) {
            lagGauges.computeIfAbsent(partition, p -> Gauge.builder("convergence.consumer.lag", loop,
                            l -> {
                                long lag = l.lagOf(p);
                                return lag < 0 ? Double.NaN : lag;
                            })
                    .description("Records of the partition not consumed yet, as of the last poll")
                    .tags(tags.and("topic", p.topic(), "partition", Integer.toString(p.partition())))
                    .register(registry));
        }
    }

    @Override
    public void revoked(Collection<TopicPartition> partitions) {
        for (TopicPartition partition : partitions) {
            Meter gauge = lagGauges.remove(partition);
            if (gauge != null) {
                registry.remove(gauge);
            }
        }
    }
}
