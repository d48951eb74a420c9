package nl.kamerstroom.benchmarks.index;

import java.lang.management.ManagementFactory;

/**
 * CPU time of this JVM, next to wall-clock time: on a shared 2-core machine the wall clock
 * mostly measures the neighbours, CPU seconds per document measure the index.
 */
final class CpuTime {

    private CpuTime() {
    }

    static long processNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    static long threadNanos() {
        return ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    }

    static String loadAverage() {
        return String.format("%.1f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }
}
