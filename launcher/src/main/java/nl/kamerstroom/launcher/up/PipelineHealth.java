package nl.kamerstroom.launcher.up;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import nl.kamerstroom.common.http.Health;
import nl.kamerstroom.common.lifecycle.Service;

/**
 * The health of the parts upstream of the index-service, which its {@code /api/health} folds
 * into its own answer: up only when the broker, the registry and every other service are.
 */
final class PipelineHealth implements Supplier<Health> {

    private final BooleanSupplier brokerRunning;
    private final BooleanSupplier registryRunning;
    private final List<Service> services;

    PipelineHealth(BooleanSupplier brokerRunning, BooleanSupplier registryRunning, List<Service> services) {
        this.brokerRunning = brokerRunning;
        this.registryRunning = registryRunning;
        this.services = List.copyOf(services);
    }

    @Override
    public Health get() {
        Map<String, Object> parts = new LinkedHashMap<>();
        boolean up = part(parts, "broker", brokerRunning.getAsBoolean());
        up &= part(parts, "registry", registryRunning.getAsBoolean());
        for (Service service : services) {
            Health health = service.health();
            parts.put(service.name(), health.status());
            up &= health.up();
        }
        return up ? Health.up("RUNNING", parts) : Health.down("DEGRADED", parts);
    }

    private static boolean part(Map<String, Object> parts, String name, boolean running) {
        parts.put(name, running ? "RUNNING" : "DOWN");
        return running;
    }
}
