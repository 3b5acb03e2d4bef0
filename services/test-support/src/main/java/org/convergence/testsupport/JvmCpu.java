package org.convergence.testsupport;

import java.lang.management.ManagementFactory;

/** CPU time of this JVM, for benchmarks that run the code they measure in process (and the embedded servers). */
public final class JvmCpu {

    private JvmCpu() {
    }

    /** CPU time of every thread of this process so far, in nanoseconds. */
    public static long processNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }
}
