package nl.kamerstroom.common.config;

import java.util.List;

/**
 * Where a service serves /health, /metrics (and the index-service its API), and how much work
 * it takes on at once.
 *
 * @param threads requests answered at the same time
 * @param queue   requests waiting for a thread; beyond that a request gets 503 with Retry-After at once
 */
public record HttpConfig(String bindAddress, int port, int threads, int queue) {

    public static final int DEFAULT_THREADS = 8;
    public static final int DEFAULT_QUEUE = 64;

    public static final Setting<String> HTTP_BIND = Setting.string("HTTP_BIND", "127.0.0.1",
            "Address the HTTP server binds to (0.0.0.0 in containers).");
    public static final Setting<Integer> HTTP_THREADS = Setting.integer("HTTP_THREADS", DEFAULT_THREADS,
            "Requests the HTTP server answers at the same time (health and metrics are always answered).");
    public static final Setting<Integer> HTTP_QUEUE = Setting.integer("HTTP_QUEUE", DEFAULT_QUEUE,
            "Requests that may wait for an HTTP thread; further requests get 503 with Retry-After at once.");

    public HttpConfig {
        if (threads < 1) {
            throw new ConfigException("HTTP_THREADS must be at least 1, got " + threads);
        }
        if (queue < 0) {
            throw new ConfigException("HTTP_QUEUE must be 0 or more, got " + queue);
        }
    }

    /** The default thread and queue bounds. */
    public HttpConfig(String bindAddress, int port) {
        this(bindAddress, port, DEFAULT_THREADS, DEFAULT_QUEUE);
    }

    /** Each service has its own default port, so all of them fit on one machine. */
    public static Setting<Integer> portSetting(int defaultPort) {
        return Setting.integer("HTTP_PORT", defaultPort, "HTTP port for /health and /metrics (0 picks a free port).");
    }

    public static List<Setting<?>> settings(int defaultPort) {
        return List.of(HTTP_BIND, portSetting(defaultPort), HTTP_THREADS, HTTP_QUEUE);
    }

    public static HttpConfig from(Settings settings, int defaultPort) {
        return new HttpConfig(settings.get(HTTP_BIND), settings.get(portSetting(defaultPort)),
                settings.get(HTTP_THREADS), settings.get(HTTP_QUEUE));
    }
}
