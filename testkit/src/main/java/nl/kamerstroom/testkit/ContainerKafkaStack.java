package nl.kamerstroom.testkit;

import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * The docker-compose stack's images under Testcontainers: Apache Kafka and Confluent Schema
 * Registry on one network, the registry reaching the broker by its network alias. The broker gets
 * the embedded broker's settings that tests depend on (no topic auto-creation, 16 MiB records).
 */
public final class ContainerKafkaStack implements KafkaStack, AutoCloseable {

    public static final DockerImageName KAFKA_IMAGE = DockerImageName.parse("apache/kafka:4.1.1");
    public static final DockerImageName REGISTRY_IMAGE = DockerImageName.parse("confluentinc/cp-schema-registry:8.0.0");
    private static final String KAFKA_ALIAS = "kafka";
    private static final String INTERNAL_LISTENER = KAFKA_ALIAS + ":19092";
    private static final String MAX_MESSAGE_BYTES = Integer.toString(16 * 1024 * 1024);

    private final Network network = Network.newNetwork();
    private final KafkaContainer kafka = new KafkaContainer(KAFKA_IMAGE)
            .withNetwork(network)
            .withNetworkAliases(KAFKA_ALIAS)
            .withListener(INTERNAL_LISTENER)
            .withEnv("KAFKA_AUTO_CREATE_TOPICS_ENABLE", "false")
            .withEnv("KAFKA_GROUP_INITIAL_REBALANCE_DELAY_MS", "0")
            .withEnv("KAFKA_MESSAGE_MAX_BYTES", MAX_MESSAGE_BYTES);
    private final GenericContainer<?> registry = new GenericContainer<>(REGISTRY_IMAGE)
            .withNetwork(network)
            .withExposedPorts(8081)
            .withEnv("SCHEMA_REGISTRY_HOST_NAME", "schema-registry")
            .withEnv("SCHEMA_REGISTRY_LISTENERS", "http://0.0.0.0:8081")
            .withEnv("SCHEMA_REGISTRY_KAFKASTORE_BOOTSTRAP_SERVERS", "PLAINTEXT://" + INTERNAL_LISTENER)
            .withEnv("SCHEMA_REGISTRY_SCHEMA_COMPATIBILITY_LEVEL", "backward")
            .dependsOn(kafka)
            .waitingFor(Wait.forHttp("/subjects").forStatusCode(200));
    private Admin admin;

    /** Starts both containers (the registry after the broker); needs a Docker engine. */
    public ContainerKafkaStack start() {
        registry.start();
        admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()));
        return this;
    }

    @Override
    public String bootstrapServers() {
        return kafka.getBootstrapServers();
    }

    @Override
    public String schemaRegistryUrl() {
        return "http://" + registry.getHost() + ":" + registry.getMappedPort(8081);
    }

    @Override
    public Admin admin() {
        return admin;
    }

    @Override
    public void close() {
        if (admin != null) {
            admin.close();
        }
        registry.stop();
        kafka.stop();
        network.close();
    }

    @Override
    public String toString() {
        return "Testcontainers Kafka stack " + bootstrapServers() + " + " + schemaRegistryUrl();
    }
}
