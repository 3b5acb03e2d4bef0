package org.convergence.platform.support;

import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import org.convergence.platform.config.PlatformConfig;
import org.convergence.platform.kafka.KafkaClients;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/** The platform's configuration as a service would read it, from a few properties: for tests outside Quarkus. */
public final class TestConfig {

    private TestConfig() {
    }

    public static PlatformConfig platform(Map<String, String> properties) {
        Map<String, String> all = new HashMap<>(Map.of("convergence.service-name", "test-service",
                "convergence.database", "test"));
        all.putAll(properties);
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .withMapping(PlatformConfig.class)
                .withConverter(Duration.class, 100, new DurationConverter())
                .withSources(new PropertiesConfigSource(all, "test", 500))
                .build();
        return config.getConfigMapping(PlatformConfig.class);
    }

    /** Kafka clients configured exactly as a service's are, on these servers. */
    public static KafkaClients kafka(String bootstrapServers, Map<String, String> properties) {
        return new KafkaClients(platform(properties), bootstrapServers);
    }
}
