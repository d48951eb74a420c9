package nl.kamerstroom.embedded;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A Kafka broker and a schema registry on one machine, for single-machine mode: everything lives
 * under one data directory ({@code kafka/}, {@code registry/}) and survives a restart, schema ids
 * included, because the registry keeps its schemas in the broker (KafkaSQL storage).
 */
public final class LocalStack implements AutoCloseable {

    private final KafkaBroker broker;
    private final SchemaRegistryServer.Builder registryBuilder;
    private final RegistryStorage registryStorage;
    private SchemaRegistryServer registry;

    private LocalStack(Builder builder) {
        Objects.requireNonNull(builder.dataDir, "dataDir");
        this.broker = KafkaBroker.builder()
                .dataDir(builder.dataDir.resolve("kafka"))
                .port(builder.kafkaPort)
                .heap(builder.brokerHeap)
                .build();
        this.registryStorage = builder.registryStorage;
        this.registryBuilder = SchemaRegistryServer.builder()
                .dataDir(builder.dataDir.resolve("registry"))
                .port(builder.registryPort)
                .heap(builder.registryHeap);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Starts the broker, then the registry (whose storage is in the broker); returns once both serve. */
    public synchronized LocalStack start() {
        broker.start();
        if (registry == null) {
            registry = registryBuilder
                    .storage(registryStorage != null ? registryStorage : RegistryStorage.kafkaSql(broker.bootstrapServers()))
                    .build();
        }
        registry.start();
        return this;
    }

    /** Stops the registry first (it writes to the broker), then the broker. */
    @Override
    public synchronized void close() {
        if (registry != null) {
            registry.close();
        }
        broker.close();
    }

    public String bootstrapServers() {
        return broker.bootstrapServers();
    }

    /** The registry's Confluent-compatible URL; valid after {@link #start()}. */
    public String schemaRegistryUrl() {
        return registry.url();
    }

    public KafkaBroker broker() {
        return broker;
    }

    public SchemaRegistryServer registry() {
        return registry;
    }

    /** Options of a {@link LocalStack}. Heaps default to 384m (broker) and 256m (registry). */
    public static final class Builder {
        private Path dataDir;
        private int kafkaPort = 9092;
        private int registryPort = 8081;
        private String brokerHeap = "384m";
        private String registryHeap = "256m";
        private RegistryStorage registryStorage;

        private Builder() {
        }

        /** Required: broker logs and registry files live under {@code dataDir/kafka} and {@code dataDir/registry}. */
        public Builder dataDir(Path dataDir) {
            this.dataDir = dataDir;
            return this;
        }

        /** Kafka client port; default 9092, 0 picks a free one. */
        public Builder kafkaPort(int kafkaPort) {
            this.kafkaPort = kafkaPort;
            return this;
        }

        /** Registry HTTP port; default 8081, 0 picks a free one. */
        public Builder registryPort(int registryPort) {
            this.registryPort = registryPort;
            return this;
        }

        public Builder brokerHeap(String brokerHeap) {
            this.brokerHeap = brokerHeap;
            return this;
        }

        public Builder registryHeap(String registryHeap) {
            this.registryHeap = registryHeap;
            return this;
        }

        /** Overrides the registry's storage; default: KafkaSQL in this stack's broker. */
        public Builder registryStorage(RegistryStorage registryStorage) {
            this.registryStorage = registryStorage;
            return this;
        }

        public LocalStack build() {
            return new LocalStack(this);
        }
    }
}
