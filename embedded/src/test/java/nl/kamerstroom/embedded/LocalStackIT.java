package nl.kamerstroom.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Single-machine mode: the data directory outlives the processes, crash included. */
class LocalStackIT {

    @TempDir
    Path dataDir;

    @Test
    void aNewStackOnTheDataDirOfACrashedOneKeepsTopicsRecordsAndSchemaIds() throws Exception {
        String schemaId;
        try (LocalStack crashed = LocalStack.builder().dataDir(dataDir).kafkaPort(0).registryPort(0).build().start()) {
            try (Admin admin = Admin.create(Map.of("bootstrap.servers", crashed.bootstrapServers()))) {
                admin.createTopics(List.of(new NewTopic("kept", 1, (short) 1))).all().get();
            }
            produce(crashed.bootstrapServers(), "before the crash");
            CcompatClient registry = new CcompatClient(crashed.schemaRegistryUrl());
            registry.register("first-value", SchemaRegistryServerIT.V2_INCOMPATIBLE);
            schemaId = registry.register("kept-value", SchemaRegistryServerIT.V1).body();

            crashed.registry().kill();
            crashed.broker().kill();
            assertThat(Await.listening(crashed.broker().port())).isFalse();
        }
        assertThat(dataDir.resolve("kafka/kafka-logs/meta.properties")).exists();

        // Other ports than before: nothing in the data directory may depend on them.
        try (LocalStack restarted = LocalStack.builder().dataDir(dataDir).kafkaPort(0).registryPort(0).build().start()) {
            CcompatClient registry = new CcompatClient(restarted.schemaRegistryUrl());
            assertThat(registry.lookup("kept-value", SchemaRegistryServerIT.V1).body()).contains(schemaId.replaceAll("[{}]", ""));
            assertThat(registry.register("kept-value", SchemaRegistryServerIT.V1).body()).isEqualTo(schemaId);
            assertThat(registry.get("/config").body()).contains("BACKWARD");
            assertThat(readValues(restarted.bootstrapServers())).containsExactly("before the crash");
        }
    }

    private static void produce(String bootstrap, String value) throws Exception {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap), new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>("kept", "k", value)).get();
        }
    }

    private static List<String> readValues(String bootstrap) {
        List<String> values = new ArrayList<>();
        TopicPartition partition = new TopicPartition("kept", 0);
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap), new StringDeserializer(), new StringDeserializer())) {
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            long end = consumer.endOffsets(List.of(partition)).get(partition);
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (consumer.position(partition) < end && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> values.add(record.value()));
            }
        }
        return values;
    }
}
