package org.convergence.platform.projection;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Packed event markers (ADR 0036): every id read back exactly as it was given, UUIDs in 17 bytes. */
class EventMarkersTest {

    @Test
    void everyEventIdIsReadBackExactlyInItsOrderWhateverItsForm() {
        String uuid = UUID.randomUUID().toString();
        List<String> ids = List.of(uuid, uuid.toUpperCase(), "e1", "", "événement-é", uuid.replace("-", ""),
                "x".repeat(300), "00000000-0000-0000-0000-000000000000", "ffffffff-ffff-ffff-ffff-ffffffffffff",
                uuid.substring(0, 35) + "g");

        assertEquals(ids, EventMarkers.read(EventMarkers.pack(ids)));
    }

    @Test
    void randomUuidsAndTextsAreReadBackExactly() {
        Random random = new Random(11);
        for (int round = 0; round < 500; round++) {
            List<String> ids = new ArrayList<>();
            int size = random.nextInt(12);
            for (int i = 0; i < size; i++) {
                ids.add(random.nextBoolean() ? new UUID(random.nextLong(), random.nextLong()).toString()
                        : Long.toString(random.nextLong(), 36));
            }
            assertEquals(ids, EventMarkers.read(EventMarkers.pack(ids)), "round " + round);
        }
    }

    @Test
    void aCanonicalUuidTakesSeventeenBytesAndAnyOtherIdItsLengthAndThree() {
        assertEquals(17, EventMarkers.pack(List.of(UUID.randomUUID().toString())).getData().length);
        assertEquals(5, EventMarkers.pack(List.of("e1")).getData().length);
    }

    @Test
    void theListOfStringsOfEarlierVersionsAndAnAbsentValueAreRead() {
        assertEquals(List.of("e1", "e2"), EventMarkers.read(List.of("e1", "e2")));
        assertEquals(List.of(), EventMarkers.read(null));
    }

    @Test
    void anIdTooLongToMarkIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> EventMarkers.pack(List.of("x".repeat(70_000))));
    }
}
