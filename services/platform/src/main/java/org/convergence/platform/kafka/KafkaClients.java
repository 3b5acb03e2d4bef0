package org.convergence.platform.kafka;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.convergence.platform.config.PlatformConfig;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/** Creates the plain Apache Kafka clients of a service from {@code kafka.bootstrap.servers}. */
@ApplicationScoped
public class KafkaClients {

    private static final Logger LOG = Logger.getLogger(KafkaClients.class);
    /** A producer batch's bound per partition: a relay wave's share of a partition fits in one (ADR 0047). */
    public static final int BATCH_BYTES = 256 * 1024;

    private final String bootstrapServers;
    private final PlatformConfig config;

    @Inject
    public KafkaClients(PlatformConfig config, @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers) {
        this.config = config;
        this.bootstrapServers = bootstrapServers;
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** Idempotent, acks=all: per-partition order survives retries. Short timeouts so an outage fails a round fast. */
    public KafkaProducer<String, byte[]> producer(String clientId) {
        return new KafkaProducer<>(producerSettings(bootstrapServers, clientId), new StringSerializer(),
                new ByteArraySerializer());
    }

    /**
     * The relay's producer settings, also used by benchmarks that must measure what a service does. Acks from all
     * and idempotence keep a stream's order through retries (ADR 0008, 0014). Batches of up to {@link #BATCH_BYTES}
     * per partition: a relay wave hands the producer up to 2,000 events at once, and at the client's default 16 KB
     * a batch held about 24 relayed events, so each wave went out as a train of small produce requests, each one
     * validated, appended and acknowledged by the broker on its own (ADR 0047). A batch leaves when full or after
     * {@code linger.ms}, so a larger batch adds no latency: a lone event still waits at most 5 ms.
     */
    public static Map<String, Object> producerSettings(String bootstrapServers, String clientId) {
        Map<String, Object> props = common(bootstrapServers, clientId);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000);
        props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 10_000);
        props.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        props.put(ProducerConfig.BATCH_SIZE_CONFIG, BATCH_BYTES);
        return props;
    }

    /**
     * Manual commits only: offsets move after the effect is stored. A new group reads from the beginning (a new
     * read-model generation rebuilds). Static membership and a short session (ADR 0009): a consumer restarted
     * with the same instance id takes its partitions back at once, a dead one is replaced within the session.
     * Batches of up to {@code max-poll-records}: a projection's size.
     */
    public KafkaConsumer<String, byte[]> consumer(String groupId) {
        return consumer(groupId, config.consumer().maxPollRecords());
    }

    /** The same, with batches of up to {@code maxPollRecords} (a consumer that sends commands, ADR 0054). */
    public KafkaConsumer<String, byte[]> consumer(String groupId, int maxPollRecords) {
        return consumer(groupId, instanceId(), maxPollRecords);
    }

    /**
     * A consumer of a topic pattern (a door reading every chantier's own topic, ADR 0021): dynamic membership
     * whatever the configuration (ADR 0046). Under the classic group protocol a static member that comes back is
     * handed its previous assignment without a rebalance, even when its pattern now matches a topic created while it
     * was away (KAFKA-12759), and nothing later detects it: that chantier's topic would never be read. A dynamic
     * member's join always rebalances; what it costs is up to one session after a kill before the group moves on.
     */
    public KafkaConsumer<String, byte[]> patternConsumer(String groupId) {
        return patternConsumer(groupId, config.consumer().maxPollRecords());
    }

    /** The same, with batches of up to {@code maxPollRecords} (a door sends commands, ADR 0054). */
    public KafkaConsumer<String, byte[]> patternConsumer(String groupId, int maxPollRecords) {
        return consumer(groupId, Optional.empty(), maxPollRecords);
    }

    private KafkaConsumer<String, byte[]> consumer(String groupId, Optional<String> instanceId, int maxPollRecords) {
        return new KafkaConsumer<>(consumerSettings(groupId, instanceId, maxPollRecords), new StringDeserializer(),
                new ByteArrayDeserializer());
    }

    Map<String, Object> consumerSettings(String groupId, Optional<String> instanceId, int maxPollRecords) {
        if (maxPollRecords < 1) {
            throw new IllegalArgumentException("max-poll-records is at least 1; got " + maxPollRecords);
        }
        PlatformConfig.Consumer settings = config.consumer();
        Map<String, Object> props = common(groupId + "-consumer");
        props.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, maxPollRecords);
        props.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, (int) settings.sessionTimeout().toMillis());
        props.put(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, (int) settings.heartbeatInterval().toMillis());
        props.put(ConsumerConfig.METADATA_MAX_AGE_CONFIG, (int) settings.topicDiscovery().toMillis());
        instanceId.ifPresent(id -> props.put(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, id));
        return props;
    }

    /** This process's identity in its consumer groups, unless static membership is off. */
    public Optional<String> instanceId() {
        String configured = config.consumer().instanceId().map(String::trim).orElseGet(KafkaClients::hostName);
        return configured.isEmpty() || "dynamic".equals(configured) ? Optional.empty() : Optional.of(configured);
    }

    private static String hostName() {
        String fromEnvironment = System.getenv("HOSTNAME");
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return fromEnvironment;
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "";
        }
    }

    public Admin admin() {
        Map<String, Object> props = common(config.serviceName() + "-admin");
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 3_000);
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3_000);
        return Admin.create(props);
    }

    /**
     * Creates the topics and their dead-letter topics if absent, keeping events forever (read models are
     * rebuilt from them). Best effort, at start-up only: where the broker may be down then, operations create
     * the topics (runbook), otherwise a broker that auto-creates them applies its own defaults.
     */
    public void ensureTopics(Set<String> topics) {
        List<NewTopic> wanted = new ArrayList<>();
        for (String topic : topics) {
            for (String name : List.of(topic, org.convergence.contracts.Topics.deadLetterOf(topic))) {
                wanted.add(new NewTopic(name, config.topics().partitions(), config.topics().replicationFactor())
                        .configs(Map.of(TopicConfig.RETENTION_MS_CONFIG, "-1")));
            }
        }
        try (Admin admin = admin()) {
            admin.createTopics(wanted).values().forEach((name, future) -> {
                try {
                    future.get(5, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        LOG.warnf("Could not create topic %s now: %s", name, e.getCause().toString());
                    }
                } catch (Exception e) {
                    LOG.warnf("Could not create topic %s now: %s", name, e.toString());
                }
            });
        }
    }

    private Map<String, Object> common(String clientId) {
        return common(bootstrapServers, clientId);
    }

    private static Map<String, Object> common(String bootstrapServers, String clientId) {
        Map<String, Object> props = new HashMap<>();
        props.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(CommonClientConfigs.CLIENT_ID_CONFIG, clientId);
        props.put(CommonClientConfigs.RECONNECT_BACKOFF_MAX_MS_CONFIG, 2_000);
        return props;
    }
}
