package org.convergence.contracts;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.convergence.contracts.corpus.ContractSamples;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What validation costs a consumer: valid records of every contract decoded per second by the strict codec, printed
 * beside the rate of a plain Jackson parse of the same bytes on the same machine in the same run (the ratio is
 * what holds from one machine to the next). Run with {@code -Dbenchmark}.
 */
@Tag("benchmark")
class CodecDecodeBenchmark {

    private static final int RECORDS = 50_000;

    @Test
    void decodes_per_second_of_valid_records_against_a_plain_parse() throws Exception {
        IntegrationEventCodec codec = new IntegrationEventCodec(IntegrationEvents.all());
        ContractSamples samples = new ContractSamples("paris", "emmaus-defi", Instant.now());
        List<byte[]> records = new ArrayList<>();
        for (int i = 0; i < RECORDS; i++) {
            IntegrationEventType<?> type = IntegrationEvents.all().get(i % IntegrationEvents.all().size());
            records.add(ContractSamples.bytes(samples.envelope(type, i)));
        }
        ObjectMapper plain = new ObjectMapper();
        for (int warmUp = 0; warmUp < 2; warmUp++) {
            for (byte[] record : records) {
                codec.decode(record);
                plain.readTree(record);
            }
        }
        long start = System.nanoTime();
        for (byte[] record : records) {
            plain.readTree(record);
        }
        double plainRate = RECORDS / ((System.nanoTime() - start) / 1e9);
        start = System.nanoTime();
        for (byte[] record : records) {
            codec.decode(record);
        }
        double codecRate = RECORDS / ((System.nanoTime() - start) / 1e9);
        System.out.printf("Codec decode: %,.0f valid records/s (strict read, both schemas, fact rules, mapping); "
                + "plain Jackson readTree of the same bytes: %,.0f records/s; ratio %.1f%n", codecRate, plainRate,
                plainRate / codecRate);
        assertTrue(codecRate > 0);
    }
}
