package nl.kamerstroom.benchmarks.ingest;

import java.lang.management.ManagementFactory;
import java.time.Duration;

/**
 * CPU time spent by this JVM and the broker's JVM together. On a shared machine wall-clock rates
 * move with whatever else runs; CPU time per file moves much less, so both are reported.
 */
final class CpuMeter {

    private final long brokerPid;

    CpuMeter(long brokerPid) {
        this.brokerPid = brokerPid;
    }

    Duration now() {
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        Duration broker = ProcessHandle.of(brokerPid).flatMap(p -> p.info().totalCpuDuration()).orElse(Duration.ZERO);
        return Duration.ofNanos(os.getProcessCpuTime()).plus(broker);
    }
}
