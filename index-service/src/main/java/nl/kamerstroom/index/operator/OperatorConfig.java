package nl.kamerstroom.index.operator;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import nl.kamerstroom.common.config.ConfigException;
import nl.kamerstroom.common.config.Setting;
import nl.kamerstroom.common.config.Settings;

/**
 * What the operator view reads besides Kafka: the other services' HTTP ports (for their
 * /health and /metrics), how often it samples throughput, and how many failed files and dead
 * letters it shows.
 *
 * @param services the other services in pipeline order
 */
public record OperatorConfig(List<ServiceAddress> services, Duration sampleInterval, int recentRecords) {

    /** A service's name and the base URL of its /health and /metrics. */
    public record ServiceAddress(String name, URI url) {
    }

    public static final Setting<String> SERVICES = Setting.string("OPERATOR_SERVICES",
            "ingest=http://127.0.0.1:8091,enrich=http://127.0.0.1:8092",
            "The other services the operator view (/operator) asks for /health and /metrics, as name=URL pairs, "
                    + "comma-separated (compose: ingest=http://ingest:8091,enrich=http://enrich:8092), or none.");
    public static final Setting<Duration> SAMPLE_INTERVAL = Setting.duration("OPERATOR_SAMPLE_INTERVAL", "10s",
            "How often the operator view samples the stages' document counts for its documents-per-second chart "
                    + "(it keeps the last 10 minutes).");
    public static final Setting<Integer> RECENT_RECORDS = Setting.integer("OPERATOR_RECENT_RECORDS", 20,
            "How many of the newest failed files and dead letters the operator view reads (per topic, at most 200).");

    public static final List<Setting<?>> SETTINGS = List.of(SERVICES, SAMPLE_INTERVAL, RECENT_RECORDS);
    static final int MAX_RECENT_RECORDS = 200;
    private static final String NONE = "none";

    public OperatorConfig {
        services = List.copyOf(services);
        if (sampleInterval.isNegative() || sampleInterval.isZero()) {
            throw new ConfigException(SAMPLE_INTERVAL.name() + " must be positive, got " + sampleInterval);
        }
        if (recentRecords < 1 || recentRecords > MAX_RECENT_RECORDS) {
            throw new ConfigException(RECENT_RECORDS.name() + " must be between 1 and " + MAX_RECENT_RECORDS
                    + ", got " + recentRecords);
        }
    }

    public static OperatorConfig from(Settings settings) {
        return new OperatorConfig(services(settings.get(SERVICES)), settings.get(SAMPLE_INTERVAL),
                settings.get(RECENT_RECORDS));
    }

    static List<ServiceAddress> services(String value) {
        List<ServiceAddress> services = new ArrayList<>();
        if (value.trim().equalsIgnoreCase(NONE)) {
            return services;
        }
        for (String pair : value.split(",")) {
            if (pair.isBlank()) {
                continue;
            }
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                throw new ConfigException(SERVICES.name() + " must be name=URL pairs, got '" + pair.trim() + "'");
            }
            try {
                URI uri = URI.create(pair.substring(eq + 1).trim());
                if (uri.getScheme() == null || !uri.getScheme().startsWith("http")) {
                    throw new IllegalArgumentException("not an http URL");
                }
                services.add(new ServiceAddress(pair.substring(0, eq).trim(), uri));
            } catch (IllegalArgumentException e) {
                throw new ConfigException(SERVICES.name() + ": '" + pair.trim() + "' is not name=http://host:port");
            }
        }
        return services;
    }
}
