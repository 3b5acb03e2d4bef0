package org.convergence.localstack;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProcessCpuTest {

    @Test
    void userAndSystemTicksAreCountedFromTheLastParenthesisOfTheCommandName() {
        String stat = "4242 (java (x) y) S 1 4242 4242 0 -1 4194560 100 0 0 0 1234 56 0 0 20 0 40 0 999 1 1 0";
        assertEquals(1234 + 56, ProcessCpu.parseStat(stat));
    }

    @Test
    void iowaitCountsAsIdleAndGuestTimeIsNotCountedTwice() {
        long[] busyIdle = ProcessCpu.parseMachine("cpu  100 5 20 300 40 1 2 3 50 0");
        assertArrayEquals(new long[] {100 + 5 + 20 + 1 + 2 + 3, 300 + 40}, busyIdle);
    }

    @Test
    void thisJvmUsesCpu() {
        assertTrue(ProcessCpu.ticks(ProcessHandle.current().pid()) >= 0);
    }

    @Test
    void onlyHotSpotsCompilerThreadsCountAsJitAsTheKernelNamesThem() {
        assertTrue(ProcessCpu.isJitCompiler("C2 CompilerThre"));
        assertTrue(ProcessCpu.isJitCompiler("C1 CompilerThre"));
        assertFalse(ProcessCpu.isJitCompiler("main"));
        assertFalse(ProcessCpu.isJitCompiler("data-plane-kafk"));
    }

    @Test
    void thisJvmsCompilerThreadsAreFoundAndUseNoMoreThanTheWholeJvm() {
        long pid = ProcessHandle.current().pid();
        long jit = ProcessCpu.jitTicks(pid);
        assertTrue(jit >= 0 && jit <= ProcessCpu.ticks(pid), jit + " JIT ticks");
    }
}
