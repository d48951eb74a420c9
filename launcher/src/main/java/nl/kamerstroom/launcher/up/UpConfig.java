package nl.kamerstroom.launcher.up;

import java.nio.file.Path;
import java.util.List;
import nl.kamerstroom.common.config.Setting;
import nl.kamerstroom.common.config.Settings;

/**
 * Where {@code kamerstroom up} keeps its data and which ports it uses. Everything lives under
 * one working folder so a restart on the same folder resumes where it stopped; the folders
 * left empty default to sub-folders of it.
 *
 * @param httpPort     the index-service's search API and web page (0 picks a free port)
 * @param kafkaPort    the broker's client port, for downstream consumers
 * @param registryPort the schema registry's port
 */
public record UpConfig(Path data, Path inbox, Path done, Path failed, int httpPort, int kafkaPort, int registryPort) {

    public static final Setting<String> DATA = Setting.string("KAMERSTROOM_DATA", "kamerstroom-data",
            "Working folder of `up`: broker log, registry, index, inbox, done and failed (relative to the current directory).");
    public static final Setting<String> INBOX = Setting.string("KAMERSTROOM_INBOX", "",
            "Folder `up` watches for new documents (empty: <data>/inbox).");
    public static final Setting<String> DONE = Setting.string("KAMERSTROOM_DONE", "",
            "Folder `up` moves published documents to (empty: <data>/done).");
    public static final Setting<String> FAILED = Setting.string("KAMERSTROOM_FAILED", "",
            "Folder `up` moves unreadable documents to (empty: <data>/failed).");
    public static final Setting<Integer> HTTP_PORT = Setting.integer("KAMERSTROOM_HTTP_PORT", 8080,
            "Port of the search API and web page in `up` (0 picks a free port).");
    public static final Setting<Integer> KAFKA_PORT = Setting.integer("KAMERSTROOM_KAFKA_PORT", 9092,
            "Client port of the broker `up` starts (0 picks a free port).");
    public static final Setting<Integer> REGISTRY_PORT = Setting.integer("KAMERSTROOM_REGISTRY_PORT", 8081,
            "Port of the schema registry `up` starts (0 picks a free port).");

    public static final List<Setting<?>> SETTINGS = List.of(DATA, INBOX, DONE, FAILED, HTTP_PORT, KAFKA_PORT,
            REGISTRY_PORT);

    public static UpConfig from(Settings settings) {
        Path data = Path.of(settings.get(DATA)).toAbsolutePath().normalize();
        return new UpConfig(data,
                folder(settings.get(INBOX), data, "inbox"),
                folder(settings.get(DONE), data, "done"),
                folder(settings.get(FAILED), data, "failed"),
                settings.get(HTTP_PORT), settings.get(KAFKA_PORT), settings.get(REGISTRY_PORT));
    }

    /** Where the services keep local state (Lucene index, Streams state stores). */
    public Path serviceDir(String service) {
        return data.resolve(service);
    }

    private static Path folder(String value, Path data, String defaultName) {
        return (value.isEmpty() ? data.resolve(defaultName) : Path.of(value)).toAbsolutePath().normalize();
    }
}
