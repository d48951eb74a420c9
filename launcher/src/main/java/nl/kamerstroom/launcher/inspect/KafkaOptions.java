package nl.kamerstroom.launcher.inspect;

import java.util.HashMap;
import java.util.Map;
import nl.kamerstroom.common.config.KafkaConfig;
import nl.kamerstroom.common.config.Settings;
import picocli.CommandLine.Option;

/** The broker to inspect: {@code KAFKA_BOOTSTRAP_SERVERS}, or the option that overrides it. */
public final class KafkaOptions {

    @Option(names = {"-b", "--bootstrap-servers"}, paramLabel = "HOST:PORT",
            description = "Kafka bootstrap servers (env KAFKA_BOOTSTRAP_SERVERS, default localhost:9092, where `up` listens).")
    String bootstrapServers;

    public KafkaConfig kafkaConfig() {
        return kafkaConfig(Map.of());
    }

    /** The configuration with further settings given on the command line (e.g. the registry URL). */
    public KafkaConfig kafkaConfig(Map<String, String> more) {
        Map<String, String> overrides = new HashMap<>(more);
        if (bootstrapServers != null) {
            overrides.put(KafkaConfig.BOOTSTRAP_SERVERS.name(), bootstrapServers);
        }
        return KafkaConfig.from(Settings.fromEnvironment().with(overrides));
    }
}
