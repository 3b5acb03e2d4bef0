package org.convergence.platform.eventstore;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class CommitTest {

    @Test
    void aCommitIdIsItsStreamAndFirstSequenceSplitAtTheLastColon() {
        String id = Commit.id("pathway:8f14e45f-ceea-467f-a0e6-0a3f3e1d2c4b", 12);

        assertEquals("pathway:8f14e45f-ceea-467f-a0e6-0a3f3e1d2c4b:12", id);
        assertEquals("pathway:8f14e45f-ceea-467f-a0e6-0a3f3e1d2c4b", Commit.streamOf(id));
        assertEquals(12, Commit.firstSequenceOf(id));
        assertEquals("a", Commit.streamOf("a:0"));
    }

    @Test
    void textWithoutAStreamOrASequenceIsNoCommitId() {
        assertThrows(IllegalArgumentException.class, () -> Commit.streamOf("pathway"));
        assertThrows(IllegalArgumentException.class, () -> Commit.streamOf(":3"));
        assertThrows(IllegalArgumentException.class, () -> Commit.firstSequenceOf("pathway:"));
    }
}
