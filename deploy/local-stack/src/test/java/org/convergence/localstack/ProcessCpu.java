package org.convergence.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * CPU time used by each process of the stack over a timed window, read from {@code /proc} (Linux), so a benchmark
 * says where the time went and not only how long it took (ADR 0045): per process, user + system time of the process
 * and its descendants ({@code /proc/<pid>/stat} fields 14 and 15, in clock ticks); for the machine, the share of
 * all cores that was idle ({@code /proc/stat}) and the load average. If the CPU-ms per fact summed over the
 * processes, times the facts per second, is close to the machine's cores, the path is CPU-bound; well below, the
 * processes were waiting (on group commits, polls, each other).
 *
 * <pre>{@code
 * ProcessCpu.Snapshot before = ProcessCpu.snapshot(stack.pids());
 * ... timed window ...
 * ProcessCpu.Window window = ProcessCpu.snapshot(stack.pids()).since(before);
 * System.out.print(window.table(facts, "fact"));
 * }</pre>
 */
final class ProcessCpu {

    /** Linux's USER_HZ: {@code /proc} counts CPU time in 1/100 s on every architecture Java runs on here. */
    private static final double MS_PER_TICK = 10.0;
    static final String THIS_JVM = "benchmark (this JVM)";

    private ProcessCpu() {
    }

    /** Per named process, its CPU ticks now; the benchmark's own JVM is added as {@link #THIS_JVM}. */
    static Snapshot snapshot(Map<String, Long> pids) {
        Map<String, Long> ticks = new LinkedHashMap<>();
        Map<String, Long> jit = new LinkedHashMap<>();
        pids.forEach((name, pid) -> {
            ticks.put(name, treeTicks(pid));
            jit.put(name, treeJitTicks(pid));
        });
        long self = ProcessHandle.current().pid();
        ticks.put(THIS_JVM, ticks(self));
        jit.put(THIS_JVM, jitTicks(self));
        return new Snapshot(System.nanoTime(), ticks, jit, machineTicks());
    }

    /** {@link #jitTicks} of {@code pid} and of every live descendant. */
    private static long treeJitTicks(long pid) {
        long total = jitTicks(pid);
        total += ProcessHandle.of(pid).map(handle -> handle.descendants().mapToLong(child -> jitTicks(child.pid()))
                .sum()).orElse(0L);
        return total;
    }

    /**
     * utime + stime of a JVM's just-in-time compiler threads (HotSpot names them "C1 CompilerThreadN" and "C2
     * CompilerThreadN"; the kernel keeps the first 15 characters of a thread's name): in a short window of a
     * freshly started stack, a process's CPU is partly its code being compiled, a cost paid once, not per fact
     * (ADR 0047). A lower bound: a compiler thread HotSpot added and then removed takes its ticks with it.
     */
    static long jitTicks(long pid) {
        Path tasks = Path.of("/proc", Long.toString(pid), "task");
        long total = 0;
        try (var threads = Files.list(tasks)) {
            for (Path task : (Iterable<Path>) threads::iterator) {
                try {
                    if (isJitCompiler(Files.readString(task.resolve("comm")).trim())) {
                        total += parseStat(Files.readString(task.resolve("stat")));
                    }
                } catch (IOException ended) {
                    // the thread ended between the listing and the read
                }
            }
        } catch (IOException | UncheckedIOException gone) {
            return total;
        }
        return total;
    }

    static boolean isJitCompiler(String threadName) {
        return threadName.startsWith("C1 CompilerThre") || threadName.startsWith("C2 CompilerThre");
    }

    /** utime + stime of {@code pid} and of every live descendant (a runner script that forks rather than execs). */
    private static long treeTicks(long pid) {
        long total = ticks(pid);
        total += ProcessHandle.of(pid).map(handle -> handle.descendants().mapToLong(child -> ticks(child.pid())).sum())
                .orElse(0L);
        return total;
    }

    /** utime + stime of one process, 0 if it is gone. */
    static long ticks(long pid) {
        try {
            return parseStat(Files.readString(Path.of("/proc", Long.toString(pid), "stat")));
        } catch (IOException gone) {
            return 0;
        }
    }

    /**
     * utime + stime from one {@code /proc/<pid>/stat} line. The command name (field 2) is in parentheses and may hold
     * spaces or parentheses itself, so fields are counted from the last closing parenthesis.
     */
    static long parseStat(String line) {
        String[] after = line.substring(line.lastIndexOf(')') + 2).trim().split(" +");
        // after[0] is field 3 (state): utime (field 14) is after[11], stime (field 15) after[12].
        return Long.parseLong(after[11]) + Long.parseLong(after[12]);
    }

    /** {@code [busy, idle]} ticks of all cores ({@code /proc/stat}'s first line; idle counts iowait too). */
    private static long[] machineTicks() {
        try {
            return parseMachine(Files.readAllLines(Path.of("/proc/stat")).get(0));
        } catch (IOException | RuntimeException unavailable) {
            return new long[] {0, 0};
        }
    }

    static long[] parseMachine(String cpuLine) {
        String[] fields = cpuLine.trim().split(" +");
        long busy = 0;
        long idle = 0;
        // user nice system idle iowait irq softirq steal (guest and guest_nice are already in user and nice)
        for (int i = 1; i <= Math.min(8, fields.length - 1); i++) {
            long value = Long.parseLong(fields[i]);
            if (i == 4 || i == 5) {
                idle += value;
            } else {
                busy += value;
            }
        }
        return new long[] {busy, idle};
    }

    private static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split(" +");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException | RuntimeException unavailable) {
            return "?";
        }
    }

    record Snapshot(long nanos, Map<String, Long> ticks, Map<String, Long> jitTicks, long[] machine) {

        Window since(Snapshot before) {
            Map<String, Double> cpuMs = new LinkedHashMap<>();
            ticks.forEach((name, now) -> cpuMs.put(name, (now - before.ticks.getOrDefault(name, 0L)) * MS_PER_TICK));
            Map<String, Double> jitMs = new LinkedHashMap<>();
            // A compiler thread that ended in the window takes its ticks with it: never below zero.
            jitTicks.forEach((name, now) -> jitMs.put(name,
                    Math.max(0, now - before.jitTicks.getOrDefault(name, 0L)) * MS_PER_TICK));
            long busy = machine[0] - before.machine[0];
            long idle = machine[1] - before.machine[1];
            double idleShare = busy + idle == 0 ? Double.NaN : (double) idle / (busy + idle);
            return new Window((nanos - before.nanos) / 1e6, cpuMs, jitMs, (busy + idle) * MS_PER_TICK, idleShare,
                    loadAverage());
        }
    }

    /**
     * @param machineMs CPU-ms of all cores together over the window (wall time x cores, as the kernel counts it)
     */
    record Window(double wallMs, Map<String, Double> cpuMs, Map<String, Double> jitMs, double machineMs,
                  double idleShare, String loadAverage) {

        double totalCpuMs() {
            return cpuMs.values().stream().mapToDouble(Double::doubleValue).sum();
        }

        /**
         * A table: per process CPU-ms, CPU-ms per unit, cores used, and the part of its CPU-ms per unit its JIT
         * compilers used and the rest; then the total and the machine.
         */
        String table(long units, String unit) {
            StringBuilder out = new StringBuilder();
            out.append(String.format("%-22s %10s %12s %8s %12s %12s%n", "process", "CPU-ms", "CPU-ms/" + unit,
                    "cores", "of which JIT", "rest/" + unit));
            cpuMs.forEach((name, ms) -> {
                double jit = jitMs.getOrDefault(name, 0.0);
                out.append(String.format("%-22s %,10.0f %12.3f %8.2f %12.3f %12.3f%n", name, ms, ms / units,
                        ms / wallMs, jit / units, (ms - jit) / units));
            });
            double total = totalCpuMs();
            double totalJit = jitMs.values().stream().mapToDouble(Double::doubleValue).sum();
            out.append(String.format("%-22s %,10.0f %12.3f %8.2f %12.3f %12.3f%n", "stack + benchmark", total,
                    total / units, total / wallMs, totalJit / units, (total - totalJit) / units));
            double cores = machineMs / wallMs;
            out.append(String.format("machine over the %.1f s window: %.1f cores, %.0f %% idle (%.2f cores idle), "
                            + "%.2f cores busy of which the stack %.2f; load average %s%n", wallMs / 1000, cores,
                    idleShare * 100, idleShare * cores, (1 - idleShare) * cores, total / wallMs, loadAverage));
            return out.toString();
        }
    }
}
