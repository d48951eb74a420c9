package nl.kamerstroom.launcher.documents;

import java.util.HashMap;
import java.util.Map;
import nl.kamerstroom.common.config.KafkaConfig;
import nl.kamerstroom.launcher.inspect.KafkaOptions;
import nl.kamerstroom.topic.Topics;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The broker and the schema registry of a running pipeline, for commands that read or write documents. */
public final class PipelineOptions {

    @Mixin
    KafkaOptions kafka;

    @Option(names = {"-r", "--schema-registry-url"}, paramLabel = "URL",
            description = "Schema registry (env SCHEMA_REGISTRY_URL, default http://localhost:8081; "
                    + "under `up`: http://127.0.0.1:8081/apis/ccompat/v7).")
    String schemaRegistryUrl;

    KafkaConfig config() {
        Map<String, String> overrides = new HashMap<>();
        if (schemaRegistryUrl != null) {
            overrides.put(KafkaConfig.SCHEMA_REGISTRY_URL.name(), schemaRegistryUrl);
        }
        return kafka.kafkaConfig(overrides);
    }

    Topics topics(KafkaConfig config) {
        return Topics.create(config.serdeConfig());
    }
}
