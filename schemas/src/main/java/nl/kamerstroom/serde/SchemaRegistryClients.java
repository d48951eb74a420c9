package nl.kamerstroom.serde;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One client per registry URL per process, so every serde of a service shares one cache.
 * A {@code mock://scope} URL gives an in-memory registry shared by all serdes of that scope.
 */
public final class SchemaRegistryClients {

    public static final String MOCK_SCHEME = "mock://";
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final Map<String, SchemaRegistryClient> CLIENTS = new ConcurrentHashMap<>();

    private SchemaRegistryClients() {
    }

    public static SchemaRegistryClient forUrl(String url) {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("schema.registry.url is not set: point it at a Confluent-compatible "
                    + "schema registry, e.g. http://localhost:8081");
        }
        String first = url.split(",")[0].trim();
        return CLIENTS.computeIfAbsent(first, u -> u.startsWith(MOCK_SCHEME)
                ? new InMemorySchemaRegistryClient()
                : new RestSchemaRegistryClient(u, TIMEOUT));
    }

    /** Forgets an in-memory scope, so the next test starts with an empty registry. */
    public static void dropMockScope(String url) {
        if (url.startsWith(MOCK_SCHEME)) {
            CLIENTS.remove(url);
        }
    }
}
