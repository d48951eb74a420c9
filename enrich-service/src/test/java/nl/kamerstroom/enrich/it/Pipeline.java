package nl.kamerstroom.enrich.it;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Predicate;
import nl.kamerstroom.schema.IngestedDocument;
import nl.kamerstroom.serde.AvroSerdeConfig;
import nl.kamerstroom.testkit.KafkaStack;
import nl.kamerstroom.topic.TopicCreator;
import nl.kamerstroom.topic.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The enrich-service's topics on the shared test broker: writes documents in, reads what came
 * out (read_committed). Every test class of the JVM uses the same topics, so tests pick their
 * own records out by document id.
 */
final class Pipeline {

    static final int PARTITIONS = 3;

    final KafkaStack stack;
    final Topics topics;

    Pipeline(KafkaStack stack) {
        this.stack = stack;
        this.topics = Topics.create(new AvroSerdeConfig(stack.schemaRegistryUrl(), true, false));
        TopicCreator.ensure(stack.admin(), List.of(topics.ingested, topics.enriched, topics.deadLetters,
                topics.entityMentions, topics.entityCounts), PARTITIONS, (short) 1);
    }

    /** Environment of an enrich-service on this stack. */
    Map<String, String> settings(String applicationId, String stateDir) {
        return Map.of("KAFKA_BOOTSTRAP_SERVERS", stack.bootstrapServers(),
                "SCHEMA_REGISTRY_URL", stack.schemaRegistryUrl(),
                "TOPIC_PARTITIONS", Integer.toString(PARTITIONS),
                "APPLICATION_ID", applicationId,
                "INSTANCE_ID", applicationId,
                "STATE_DIR", stateDir,
                "HTTP_PORT", "0",
                "PROGRESS_INTERVAL", "1s");
    }

    void ingest(List<IngestedDocument> documents) {
        try (var producer = new KafkaProducer<>(producerProps(), new StringSerializer(),
                topics.ingested.valueSerde().serializer())) {
            documents.forEach(d -> producer.send(new ProducerRecord<>(Topics.INGESTED, d.getId(), d)));
        }
    }

    /** Tombstones on documents.ingested: what `kamerstroom delete` writes. */
    void delete(List<String> ids) {
        try (var producer = new KafkaProducer<>(producerProps(), new StringSerializer(), new ByteArraySerializer())) {
            ids.forEach(id -> producer.send(new ProducerRecord<>(Topics.INGESTED, id, null)));
        }
    }

    void ingestBytes(String key, byte[] value) {
        try (var producer = new KafkaProducer<>(producerProps(), new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(Topics.INGESTED, key, value));
        }
    }

    /**
     * Reads the topic until {@code count} records match (or the timeout passes), then once more to
     * its end, so that records beyond the expected ones (duplicates) are seen too.
     */
    List<ConsumerRecord<byte[], byte[]>> await(String topic, Predicate<ConsumerRecord<byte[], byte[]>> mine, int count,
                                               Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<ConsumerRecord<byte[], byte[]>> found = List.of();
        while (System.nanoTime() < deadline) {
            found = read(topic, mine);
            if (found.size() >= count) {
                Thread.sleep(500);
                return read(topic, mine);
            }
            Thread.sleep(250);
        }
        return found;
    }

    List<ConsumerRecord<byte[], byte[]>> read(String topic, Predicate<ConsumerRecord<byte[], byte[]>> mine) {
        List<ConsumerRecord<byte[], byte[]>> matching = new ArrayList<>();
        for (var record : stack.readAll(topic, Duration.ofSeconds(20))) {
            if (mine.test(record)) {
                matching.add(record);
            }
        }
        return matching;
    }

    private Properties producerProps() {
        Properties props = stack.producerProps();
        props.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, Topics.MAX_MESSAGE_BYTES);
        props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "zstd");
        return props;
    }
}
