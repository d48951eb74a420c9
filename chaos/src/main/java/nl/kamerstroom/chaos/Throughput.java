package nl.kamerstroom.chaos;

import java.time.Duration;
import java.util.List;

/**
 * How fast the run went: from the first drop until every replica held every document, and the CPU
 * the service processes and the broker and registry used by then. CPU is the steadier figure on
 * a shared machine; a restarted instance's CPU before its restart is not counted.
 *
 * @param settled false when the pipeline never finished, so the figures are not a rate
 */
record Throughput(int documents, Duration elapsed, Duration serviceCpu, Duration stackCpu, boolean settled) {

    static Throughput measure(int documents, long loadStarted, boolean settled, List<ServiceInstance> instances,
                              List<Long> stackPids) {
        Duration services = instances.stream().map(instance -> cpu(instance.pid())).reduce(Duration.ZERO, Duration::plus);
        Duration stack = stackPids.stream().map(Throughput::cpu).reduce(Duration.ZERO, Duration::plus);
        return new Throughput(documents, Duration.ofNanos(System.nanoTime() - loadStarted), services, stack, settled);
    }

    private static Duration cpu(long pid) {
        return ProcessHandle.of(pid).flatMap(process -> process.info().totalCpuDuration()).orElse(Duration.ZERO);
    }

    @Override
    public String toString() {
        if (!settled) {
            return "Throughput: not measured (the pipeline did not settle)";
        }
        double seconds = elapsed.toMillis() / 1000.0;
        return String.format("Throughput: %d documents in %.1f s from first drop to indexed in every replica = %.1f "
                        + "documents/s; CPU %.1f s in the services (%.1f ms per document), %.1f s in broker and registry",
                documents, seconds, documents / seconds, serviceCpu.toMillis() / 1000.0,
                (double) serviceCpu.toMillis() / documents, stackCpu.toMillis() / 1000.0);
    }
}
