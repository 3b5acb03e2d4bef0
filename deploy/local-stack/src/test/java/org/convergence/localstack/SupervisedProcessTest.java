package org.convergence.localstack;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The launcher's supervision on a plain child process ({@code sleep}): what LocalStackIT shows on the real stack. */
class SupervisedProcessTest {

    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final List<String> announced = new CopyOnWriteArrayList<>();
    @TempDir
    Path logs;
    private SupervisedProcess process;

    @AfterEach
    void stop() {
        if (process != null) {
            process.stop();
        }
        scheduler.shutdownNow();
    }

    @Test
    void aKilledProcessIsRestartedAfterTheBackOffAndSaysSoLoudly() {
        process = runningSleeper();
        long first = process.kill();

        process.awaitBack(first, Duration.ofSeconds(20));

        assertNotEquals(first, process.pid());
        assertEquals(1, process.restarts());
        assertTrue(announced.get(0).startsWith("!!! sleeper (pid " + first + ") died with exit code 137"),
                announced.toString());
        assertTrue(announced.get(0).contains("restarting it in 1 s (restart 1)"), announced.toString());
        assertTrue(announced.stream().anyMatch(line -> line.startsWith("!!! sleeper is back (pid " + process.pid())),
                announced.toString());
    }

    @Test
    void aProcessThatKeepsDyingWaitsTwiceAsLongEachTime() {
        process = runningSleeper();
        long first = process.kill();
        process.awaitBack(first, Duration.ofSeconds(20));
        long second = process.kill();

        process.awaitBack(second, Duration.ofSeconds(20));

        assertEquals(2, process.restarts());
        assertTrue(announced.stream().anyMatch(line -> line.contains("restarting it in 2 s (restart 2)")),
                announced.toString());
    }

    @Test
    void aProcessStoppedOnPurposeStaysStopped() throws Exception {
        process = runningSleeper();
        long pid = process.pid();

        process.stop();
        Thread.sleep(SupervisedProcess.FIRST_BACKOFF.toMillis() + 1_500);

        assertEquals(pid, process.pid());
        assertFalse(process.isReady());
        assertEquals(0, process.restarts());
        assertEquals(List.of(), announced);
    }

    @Test
    void aReleasedProcessThatDiesIsNeitherRestartedNorReportedAsACrash() throws Exception {
        process = runningSleeper();

        process.release();
        long pid = process.kill();
        Thread.sleep(SupervisedProcess.FIRST_BACKOFF.toMillis() + 1_500);

        assertEquals(pid, process.pid());
        assertEquals(0, process.restarts());
        assertEquals(List.of(), announced);
    }

    private SupervisedProcess runningSleeper() {
        SupervisedProcess sleeper = new SupervisedProcess("sleeper", () -> ChildProcess.start("sleeper",
                List.of("sleep", "600"), Map.of(), logs, null), run -> {
        }, scheduler, announced::add);
        sleeper.launch();
        sleeper.awaitReady();
        return sleeper;
    }
}
