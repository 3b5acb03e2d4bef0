package org.convergence.platform.messaging;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RecordInterestTest {

    private final RecordInterest premieresHeures = RecordInterest.mentioning("PREMIERES_HEURES");

    @Test
    void aRecordNamingTheValueMayConcernTheConsumerWhereverTheValueIs() {
        assertTrue(mayConcern("{\"payload\":{\"program\":\"PREMIERES_HEURES\"}}"));
        assertTrue(mayConcern("PREMIERES_HEURES"));
        assertTrue(mayConcern("{\"x\":\"PREMIERES_HEURES\"}"));
    }

    @Test
    void aRecordThatCouldSpellItWithAnEscapeOrHasNoValueMayConcernIt() {
        assertTrue(mayConcern("{\"program\":\"PREMI\\u0045RES_HEURES\"}"));
        assertTrue(premieresHeures.mayConcern(new ConsumerRecord<>("t", 0, 0, "k", null)));
    }

    @Test
    void onlyARecordThatCannotNameItIsPassedOver() {
        assertFalse(mayConcern("{\"payload\":{\"program\":\"CONVERGENCE\"}}"));
        assertFalse(mayConcern("{\"program\":\"PREMIERES_HEURE\"}"));
        assertFalse(mayConcern(""));
    }

    private boolean mayConcern(String value) {
        return premieresHeures.mayConcern(new ConsumerRecord<>("t", 0, 0, "k", value.getBytes(StandardCharsets.UTF_8)));
    }
}
