package nl.kamerstroom.launcher.up;

import java.util.Map;
import nl.kamerstroom.common.config.Setting;
import picocli.CommandLine.Option;

/** The options `up` and `kafka` share: the data folder and the ports of the broker and registry. */
public final class BrokerOptions {

    @Option(names = "--data", paramLabel = "DIR", description = "Working folder for all state (env KAMERSTROOM_DATA, default ./kamerstroom-data).")
    String data;

    @Option(names = "--kafka-port", paramLabel = "PORT", description = "Kafka client port (env KAMERSTROOM_KAFKA_PORT, default 9092; 0 = free port).")
    String kafkaPort;

    @Option(names = "--registry-port", paramLabel = "PORT", description = "Schema registry port (env KAMERSTROOM_REGISTRY_PORT, default 8081; 0 = free port).")
    String registryPort;

    /** Adds the options given on the command line, under the names of the environment variables they override. */
    void addTo(Map<String, String> overrides) {
        put(overrides, UpConfig.DATA, data);
        put(overrides, UpConfig.KAFKA_PORT, kafkaPort);
        put(overrides, UpConfig.REGISTRY_PORT, registryPort);
    }

    static void put(Map<String, String> overrides, Setting<?> setting, String value) {
        if (value != null) {
            overrides.put(setting.name(), value);
        }
    }
}
