package nl.kamerstroom.embedded;

import java.util.List;

/** Where Apicurio Registry keeps its schemas. */
public sealed interface RegistryStorage {

    /** Apicurio's default: an in-memory H2 database, gone when the registry stops. For tests. */
    static RegistryStorage inMemory() {
        return new InMemory();
    }

    /**
     * A journal in Kafka topics ({@code _registry-journal}, {@code _registry-snapshots},
     * {@code _registry-events}), as Confluent's registry keeps {@code _schemas}: a restart replays
     * it and keeps every schema id. The registry creates the topics itself.
     */
    static RegistryStorage kafkaSql(String bootstrapServers) {
        return new KafkaSql(bootstrapServers);
    }

    /** The registry's configuration, as {@code -D} JVM options. */
    List<String> jvmArgs();

    record InMemory() implements RegistryStorage {
        @Override
        public List<String> jvmArgs() {
            return List.of("-Dapicurio.storage.kind=sql", "-Dapicurio.storage.sql.kind=h2");
        }
    }

    record KafkaSql(String bootstrapServers) implements RegistryStorage {
        @Override
        public List<String> jvmArgs() {
            return List.of(
                    "-Dapicurio.storage.kind=kafkasql",
                    "-Dapicurio.kafkasql.bootstrap.servers=" + bootstrapServers,
                    "-Dapicurio.kafkasql.topic=_registry-journal",
                    "-Dapicurio.kafkasql.snapshots.topic=_registry-snapshots",
                    "-Dapicurio.events.kafka.topic=_registry-events",
                    // Start-up reads the (often empty) snapshot topic with blocking polls; at the
                    // default 5 s each they made up two thirds of a 30 s start.
                    "-Dapicurio.kafkasql.consumer.poll.timeout=500");
        }
    }
}
