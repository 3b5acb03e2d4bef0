package org.convergence.contracts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.convergence.contracts.corpus.ContractSamples;
import org.convergence.contracts.corpus.HostileRecord;
import org.convergence.contracts.corpus.HostileRecords;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * ADR 0038: the schema validator checks the tree the codec already read instead of reading the record's text
 * again. Whatever the record, the outcome must be the former one, exactly: the same envelope, or a refusal with the
 * same field and the same reason (what the dead-letter headers carry). Compared here record by record with a codec
 * validating the text as before, over the hostile corpus, every contract's sample, numbers written every way JSON
 * allows in place of every number, and random damage.
 */
class ValidationOnTheReadTreeTest {

    private static final Instant RECORDED_AT = Instant.parse("2026-01-15T10:00:00Z");
    private static final Clock CLOCK = Clock.fixed(RECORDED_AT.plusSeconds(3600), ZoneOffset.UTC);
    /** Integers of each size and decimals of each writing: shortest, trailing zeros, exponents, beyond a double. */
    private static final List<String> NUMBERS = List.of("0", "-0", "1", "26", "3600", "3601", "-1", "2147483648",
            "-9223372036854775809", "99999999999999999999", "1.5", "26.0", "26.50", "-0.0", "0.1", "1e2", "1E+2",
            "1.0e0", "3600.0", "3600.00000000000001", "3599.99999999999999", "1e400", "-1e400", "4e-400",
            "0.30000000000000004", "1.7976931348623157E308", "60.000000000000000001");

    private final IntegrationEventCodec onTrees = new IntegrationEventCodec(IntegrationEvents.all(), CLOCK);
    private final IntegrationEventCodec onText = IntegrationEventCodec.validatingText(IntegrationEvents.all(), CLOCK);
    private final ContractSamples samples = new ContractSamples("paris", "emmaus-defi", RECORDED_AT);

    @Test
    void every_hostile_record_is_refused_with_the_same_field_and_reason_as_before() {
        List<HostileRecord> corpus = new HostileRecords(samples).generate(IntegrationEvents.all());
        for (HostileRecord record : corpus) {
            assertSameOutcome(record.description(), record.value());
        }
    }

    @Test
    void every_valid_sample_decodes_to_the_same_envelope() {
        for (IntegrationEventType<?> type : IntegrationEvents.all()) {
            for (long seed = 0; seed < 20; seed++) {
                byte[] value = ContractSamples.bytes(samples.envelope(type, seed));
                assertEquals("accepted", assertSameOutcome(type + " #" + seed, value).split(":")[0]);
            }
        }
    }

    @Test
    void a_number_written_any_way_in_place_of_any_number_has_the_same_outcome() {
        int cases = 0;
        for (IntegrationEventType<?> type : IntegrationEvents.all()) {
            ObjectNode envelope = samples.envelope(type, 7);
            for (String path : numberPaths(envelope, "")) {
                for (String number : NUMBERS) {
                    assertSameOutcome(type + " " + path + " = " + number, withNumber(envelope, path, number));
                    cases++;
                }
            }
        }
        assertTrue(cases > 500, cases + " cases");
    }

    @Test
    void randomly_damaged_records_have_the_same_outcome() {
        Random random = new Random(20261201);
        List<byte[]> valid = new ArrayList<>();
        IntegrationEvents.all().forEach(type -> valid.add(ContractSamples.bytes(samples.envelope(type, 3))));
        for (int i = 0; i < 3_000; i++) {
            byte[] bytes = valid.get(i % valid.size()).clone();
            for (int flips = 1 + random.nextInt(3); flips > 0; flips--) {
                bytes[random.nextInt(bytes.length)] = (byte) (i % 3 == 0 ? '0' + random.nextInt(10)
                        : random.nextInt(128));
            }
            assertSameOutcome("damaged #" + i, bytes);
        }
    }

    @Test
    void only_decimals_written_as_java_writes_them_take_the_read_tree() {
        for (String shortest : List.of("26.5", "0.1", "-0.0", "3600.0", "1.0E-5", "0.30000000000000004")) {
            assertTrue(allShortest(shortest), shortest);
        }
        for (String other : List.of("26.50", "1e2", "1.0e0", "3600.00000000000001", "1e400", "4e-400")) {
            assertFalse(allShortest(other), other);
        }
    }

    private static boolean allShortest(String number) {
        ShortestDecimals decimals = new ShortestDecimals();
        try (var parser = decimals.watch(new com.fasterxml.jackson.databind.ObjectMapper()
                .createParser("{\"a\": [1, {\"b\": " + number + "}]}"))) {
            new com.fasterxml.jackson.databind.ObjectMapper().readTree(parser);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
        return decimals.allShortest();
    }

    /** The outcome of both codecs, asserted equal: "accepted: envelope" or "refused: field: reason". */
    private String assertSameOutcome(String description, byte[] value) {
        String before = outcome(onText, value);
        String now = outcome(onTrees, value);
        assertEquals(before, now, description);
        return now;
    }

    private static String outcome(IntegrationEventCodec codec, byte[] value) {
        try {
            return "accepted: " + codec.decode(value);
        } catch (InvalidIntegrationEventException refused) {
            return "refused: " + refused.field() + ": " + refused.getMessage();
        }
    }

    /** The paths of the numbers of an envelope and its payload ("schemaVersion", "payload.minutesWorked"). */
    private static List<String> numberPaths(JsonNode node, String path) {
        List<String> paths = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            String at = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
            if (field.getValue().isNumber()) {
                paths.add(at);
            } else if (field.getValue().isObject()) {
                paths.addAll(numberPaths(field.getValue(), at));
            }
        }
        return paths;
    }

    /** The envelope's bytes with {@code number} written as is (not re-serialized) at {@code path}. */
    private static byte[] withNumber(ObjectNode envelope, String path, String number) {
        ObjectNode copy = envelope.deepCopy();
        String[] names = path.split("\\.");
        ObjectNode parent = copy;
        for (int i = 0; i < names.length - 1; i++) {
            parent = (ObjectNode) parent.get(names[i]);
        }
        parent.put(names[names.length - 1], "@@number@@");
        String text = new String(ContractSamples.bytes(copy), StandardCharsets.UTF_8);
        return text.replace("\"@@number@@\"", number).getBytes(StandardCharsets.UTF_8);
    }
}
