package org.convergence.platform.messaging;

import org.convergence.platform.config.PlatformConfig;
import org.convergence.platform.support.TestConfig;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A projection and a consumer that sends commands take batches of different sizes (ADR 0054): a projection folds
 * a larger batch into fewer document writes, a door holds every record's aggregate and events until its batch's one
 * unit of work commits.
 */
class ConsumerBatchSizeTest {

    private static final BatchEventHandler NOTHING = events -> Map.of();

    private final ConsumerDeclaration projection = new ConsumerDeclaration("figures", Set.of("t"), NOTHING, true);
    private final ConsumerDeclaration door = new ConsumerDeclaration("door", Set.of("t"), NOTHING, false);

    @Test
    void aProjectionTakesTheLargerBatchAndADoorTheSmallerByDefault() {
        PlatformConfig.Consumer defaults = TestConfig.platform(Map.of()).consumer();
        assertEquals(2_000, projection.maxPollRecords(defaults));
        assertEquals(500, door.maxPollRecords(defaults));
    }

    @Test
    void eachSizeIsConfiguredOnItsOwn() {
        PlatformConfig.Consumer configured = TestConfig.platform(Map.of(
                "convergence.consumer.max-poll-records", "10000",
                "convergence.consumer.command-poll-records", "250")).consumer();
        assertEquals(10_000, projection.maxPollRecords(configured));
        assertEquals(250, door.maxPollRecords(configured));
    }

    @Test
    void aBatchOfNoRecordIsRefusedNamingItsSetting() {
        PlatformConfig.Consumer none = TestConfig.platform(Map.of(
                "convergence.consumer.command-poll-records", "0")).consumer();
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> door.maxPollRecords(none));
        assertTrue(refused.getMessage().contains("convergence.consumer.command-poll-records"), refused.getMessage());
        assertEquals(2_000, projection.maxPollRecords(none));
    }
}
