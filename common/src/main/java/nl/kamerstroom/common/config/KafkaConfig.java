package nl.kamerstroom.common.config;

import java.time.Duration;
import java.util.List;
import nl.kamerstroom.serde.AvroSerdeConfig;

/**
 * Where the broker and registry are, and how topics are created: the settings every service
 * shares, under the same names.
 */
public record KafkaConfig(String bootstrapServers, String schemaRegistryUrl, int topicPartitions,
                          short topicReplicationFactor, Duration topicCreationTimeout, String instanceId) {

    public static final Setting<String> BOOTSTRAP_SERVERS = Setting.string("KAFKA_BOOTSTRAP_SERVERS",
            "localhost:9092", "Kafka bootstrap servers, comma-separated host:port.");
    public static final Setting<String> SCHEMA_REGISTRY_URL = Setting.string("SCHEMA_REGISTRY_URL",
            "http://localhost:8081", "Confluent-compatible schema registry URL (Confluent, or Apicurio's /apis/ccompat/v7).");
    public static final Setting<Integer> TOPIC_PARTITIONS = Setting.integer("TOPIC_PARTITIONS", 3,
            "Partitions of each topic the service creates when it is absent.");
    public static final Setting<Integer> TOPIC_REPLICATION_FACTOR = Setting.integer("TOPIC_REPLICATION_FACTOR", 1,
            "Replication factor of topics the service creates (3 on a production cluster).");
    public static final Setting<Duration> TOPIC_CREATION_TIMEOUT = Setting.duration("TOPIC_CREATION_TIMEOUT", "30s",
            "How long the start waits for the broker to list and create the topics; no answer by then fails the start.");
    public static final Setting<String> INSTANCE_ID = Setting.string("INSTANCE_ID", defaultInstanceId(),
            "Name of this service instance, in logs, events and client ids (default: the host name).");

    public static final List<Setting<?>> SETTINGS = List.of(BOOTSTRAP_SERVERS, SCHEMA_REGISTRY_URL,
            TOPIC_PARTITIONS, TOPIC_REPLICATION_FACTOR, TOPIC_CREATION_TIMEOUT, INSTANCE_ID);

    public static KafkaConfig from(Settings settings) {
        return new KafkaConfig(settings.get(BOOTSTRAP_SERVERS), settings.get(SCHEMA_REGISTRY_URL),
                settings.get(TOPIC_PARTITIONS), settings.get(TOPIC_REPLICATION_FACTOR).shortValue(),
                settings.get(TOPIC_CREATION_TIMEOUT), settings.get(INSTANCE_ID));
    }

    /**
     * The instance id made safe as a folder name: services that keep local state per instance
     * (Streams state stores, claimed files) keep it in a sub-folder of this name, so instances
     * sharing a volume never share state and a restarted instance finds its own again.
     */
    public String instanceFolderName() {
        return instanceId.replaceAll("[^A-Za-z0-9._-]", "_");
    }

    public AvroSerdeConfig serdeConfig() {
        return new AvroSerdeConfig(schemaRegistryUrl, true, false);
    }

    private static String defaultInstanceId() {
        String host = System.getenv("HOSTNAME");
        if (host == null || host.isBlank()) {
            try {
                host = java.net.InetAddress.getLocalHost().getHostName();
            } catch (java.io.IOException e) {
                host = "local";
            }
        }
        return host;
    }
}
