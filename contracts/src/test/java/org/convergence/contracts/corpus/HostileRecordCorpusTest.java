package org.convergence.contracts.corpus;

import org.convergence.contracts.IntegrationEventCodec;
import org.convergence.contracts.IntegrationEventType;
import org.convergence.contracts.IntegrationEvents;
import org.convergence.contracts.InvalidIntegrationEventException;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The Kafka door's corpus: every hostile record generated from the registered contracts' schemas is refused by the
 * codec, with an {@link InvalidIntegrationEventException} (never anything else) whose reason names the field.
 */
class HostileRecordCorpusTest {

    static final Instant RECORDED_AT = Instant.parse("2026-01-15T10:00:00Z");
    static final Clock CLOCK = Clock.fixed(RECORDED_AT.plusSeconds(3600), ZoneOffset.UTC);

    private final IntegrationEventCodec codec = new IntegrationEventCodec(IntegrationEvents.all(), CLOCK);
    private final ContractSamples samples = new ContractSamples("paris", "emmaus-defi", RECORDED_AT);
    private final List<HostileRecord> corpus = new HostileRecords(samples).generate(IntegrationEvents.all());

    @Test
    void the_corpus_has_more_than_a_thousand_cases_and_covers_every_registered_type() {
        assertTrue(corpus.size() >= 1000, "corpus of " + corpus.size());
        for (IntegrationEventType<?> type : IntegrationEvents.all()) {
            assertTrue(corpus.stream().anyMatch(record -> record.description().startsWith(type + ":")),
                    type + " has no case");
        }
        System.out.printf("Kafka-door corpus: %d hostile records over %d contracts%n", corpus.size(),
                IntegrationEvents.all().size());
    }

    @TestFactory
    Stream<DynamicTest> the_valid_sample_of_every_contract_decodes() {
        return IntegrationEvents.all().stream().map(type -> DynamicTest.dynamicTest(type.toString(),
                () -> assertDoesNotThrow(() -> codec.decode(ContractSamples.bytes(samples.envelope(type, 99))))));
    }

    @TestFactory
    Stream<DynamicTest> every_hostile_record_is_refused_with_a_reason_naming_its_field() {
        return corpus.stream().map(record -> DynamicTest.dynamicTest(record.description(), () -> {
            try {
                codec.decode(record.value());
                fail("accepted: " + record.excerpt());
            } catch (InvalidIntegrationEventException refused) {
                String reason = refused.getMessage();
                assertFalse(reason == null || reason.isBlank(), "no reason");
                assertTrue(reason.length() <= 501, "reason of " + reason.length() + " characters");
                if (record.field() != null) {
                    assertTrue(reason.contains(record.field()), "reason '" + reason + "' does not name "
                            + record.field());
                }
            } catch (Throwable other) {
                fail("threw " + other.getClass().getName() + " instead of a refusal", other);
            }
        }));
    }
}
