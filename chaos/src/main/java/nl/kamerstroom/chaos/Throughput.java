package nl.kamerstroom.chaos;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * How fast the run went: from the first drop until every store held every document, and the CPU
 * each process used by then (each service instance, the broker, the registry, the OpenSearch
 * node). CPU is the steadier figure on a shared machine; the load average says how shared it was.
 * A restarted process's CPU before its restart is not counted.
 *
 * @param serviceCpu  per service instance
 * @param stackCpu    broker, registry and OpenSearch node
 * @param loadAverage the machine's one-minute load average when the run settled
 * @param settled     false when the pipeline never finished, so the figures are not a rate
 */
record Throughput(int documents, Duration elapsed, Map<String, Duration> serviceCpu, Map<String, Duration> stackCpu,
                  double loadAverage, boolean settled) {

    static Throughput measure(int documents, long loadStarted, boolean settled, List<ServiceInstance> instances,
                              Map<String, Long> stackPids) {
        Map<String, Duration> services = new LinkedHashMap<>();
        instances.forEach(instance -> services.put(instance.instanceId(), cpu(instance.pid())));
        Map<String, Duration> stack = new LinkedHashMap<>();
        stackPids.forEach((name, pid) -> stack.put(name, cpu(pid)));
        return new Throughput(documents, Duration.ofNanos(System.nanoTime() - loadStarted), services, stack,
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), settled);
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
        Duration services = serviceCpu.values().stream().reduce(Duration.ZERO, Duration::plus);
        return String.format("Throughput: %d documents in %.1f s from first drop to indexed in every store = %.1f "
                        + "documents/s (load average %.1f); CPU %.1f s in the services (%.1f ms per document): %s; %s",
                documents, seconds, documents / seconds, loadAverage, services.toMillis() / 1000.0,
                (double) services.toMillis() / documents, seconds(serviceCpu), seconds(stackCpu));
    }

    private static String seconds(Map<String, Duration> cpu) {
        return cpu.entrySet().stream()
                .map(entry -> String.format("%s %.1f s", entry.getKey(), entry.getValue().toMillis() / 1000.0))
                .collect(Collectors.joining(", "));
    }
}
