package org.convergence.localstack;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A process that dies while starting: the failure must carry what it said, since CI's working copy is gone later. */
class ChildProcessTest {

    @TempDir
    Path logs;

    @Test
    void aProcessThatExitsBeforeItIsReadySaysWhyInTheFailureItself() {
        ChildProcess run = ChildProcess.start("doomed", List.of("sh", "-c",
                "for i in $(seq 1 60); do echo \"line $i\"; done; echo 'Port 8085 seems to be in use'; exit 3"),
                Map.of(), logs, "never printed");

        IllegalStateException failure = assertThrows(IllegalStateException.class,
                () -> run.awaitReadyLine(Duration.ofSeconds(30)));

        String message = failure.getMessage();
        assertTrue(message.startsWith("doomed exited with 3"), message);
        assertTrue(message.contains("Port 8085 seems to be in use"), message);
        assertTrue(message.contains("line 60"), message);
        assertTrue(!message.contains("line 5\n"), "only the last lines, not the whole log: " + message);
    }
}
