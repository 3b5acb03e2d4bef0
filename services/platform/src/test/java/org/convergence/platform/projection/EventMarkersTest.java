package org.convergence.platform.projection;

import org.bson.types.Binary;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
    void aPackedValueHoldsExactlyTheIdsPackedIntoIt() {
        Random random = new Random(13);
        for (int round = 0; round < 500; round++) {
            List<String> pool = ids(random, 16);
            List<String> packed = pool.subList(0, random.nextInt(pool.size() + 1));
            Binary stored = EventMarkers.pack(packed);
            for (String id : pool) {
                assertEquals(packed.contains(id), EventMarkers.contains(stored, id), "round " + round + ": " + id);
                assertEquals(packed.contains(id), EventMarkers.contains(List.copyOf(packed), id), "as a list");
            }
        }
        assertFalse(EventMarkers.contains(null, "e1"));
    }

    @Test
    void appendingIdsPacksTheSetOfTheStoredOnesThenTheNewOnesInTheirOrder() {
        Random random = new Random(17);
        for (int round = 0; round < 500; round++) {
            List<String> pool = ids(random, 12);
            List<String> stored = new ArrayList<>(new LinkedHashSet<>(pool.subList(0, random.nextInt(pool.size()))));
            List<String> added = new ArrayList<>();
            for (int i = random.nextInt(6); i > 0; i--) {
                added.add(pool.get(random.nextInt(pool.size()))); // some already stored, some twice
            }
            Set<String> both = new LinkedHashSet<>(stored);
            both.addAll(added);
            Binary expected = EventMarkers.pack(both);

            assertEquals(expected, EventMarkers.append(EventMarkers.pack(stored), added), "round " + round);
            assertEquals(expected, EventMarkers.append(List.copyOf(stored), added), "a list of strings");
            if (stored.isEmpty()) {
                assertEquals(expected, EventMarkers.append(null, added), "nothing stored");
            }
        }
    }

    /** {@code size} distinct ids of every form a marker takes: canonical UUIDs, other texts, UUIDs in capitals. */
    private static List<String> ids(Random random, int size) {
        Set<String> ids = new LinkedHashSet<>();
        while (ids.size() < size) {
            String uuid = new UUID(random.nextLong(), random.nextLong()).toString();
            ids.add(switch (random.nextInt(3)) {
                case 0 -> uuid;
                case 1 -> uuid.toUpperCase();
                default -> Long.toString(random.nextLong(), 36);
            });
        }
        List<String> shuffled = new ArrayList<>(ids);
        Collections.shuffle(shuffled, random);
        return shuffled;
    }

    @Test
    void anIdTooLongToMarkIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> EventMarkers.pack(List.of("x".repeat(70_000))));
    }
}
