package nl.kamerstroom.benchmarks.ingest;

import java.lang.management.ManagementFactory;
import java.time.Duration;

/**
 * CPU time spent by this JVM and by the broker's JVM. On a shared machine wall-clock rates move
 * with whatever else runs; CPU time per file moves much less, so both are reported.
 */
final class CpuMeter {

    /** CPU used so far by this JVM and by the broker. */
    record Reading(Duration jvm, Duration broker) {
        Duration total() {
            return jvm.plus(broker);
        }

        Reading minus(Reading earlier) {
            return new Reading(jvm.minus(earlier.jvm), broker.minus(earlier.broker));
        }
    }

    private final long brokerPid;

    CpuMeter(long brokerPid) {
        this.brokerPid = brokerPid;
    }

    Reading now() {
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        Duration broker = ProcessHandle.of(brokerPid).flatMap(p -> p.info().totalCpuDuration()).orElse(Duration.ZERO);
        return new Reading(Duration.ofNanos(os.getProcessCpuTime()), broker);
    }
}
