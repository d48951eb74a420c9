package nl.kamerstroom.common.config;

import java.util.List;

/** Where a service serves /health, /metrics (and the index-service its API). */
public record HttpConfig(String bindAddress, int port) {

    public static final Setting<String> HTTP_BIND = Setting.string("HTTP_BIND", "127.0.0.1",
            "Address the HTTP server binds to (0.0.0.0 in containers).");

    /** Each service has its own default port, so all of them fit on one machine. */
    public static Setting<Integer> portSetting(int defaultPort) {
        return Setting.integer("HTTP_PORT", defaultPort, "HTTP port for /health and /metrics (0 picks a free port).");
    }

    public static List<Setting<?>> settings(int defaultPort) {
        return List.of(HTTP_BIND, portSetting(defaultPort));
    }

    public static HttpConfig from(Settings settings, int defaultPort) {
        return new HttpConfig(settings.get(HTTP_BIND), settings.get(portSetting(defaultPort)));
    }
}
