package nl.kamerstroom.ingest.publish;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import nl.kamerstroom.common.config.KafkaConfig;
import nl.kamerstroom.common.kafka.KafkaClients;
import nl.kamerstroom.schema.FailedDocument;
import nl.kamerstroom.schema.IngestedDocument;
import nl.kamerstroom.topic.Topic;
import nl.kamerstroom.topic.Topics;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Sends events with one durable producer (acks=all, idempotent, zstd; see
 * {@link KafkaClients#documentProducer}). Values are serialised here with each topic's own serde,
 * so one producer serves both topics. The returned future completes when the broker has
 * acknowledged the record: only then may the caller treat the file as done.
 */
public final class EventPublisher implements AutoCloseable {

    private final Producer<byte[], byte[]> producer;
    private final Topics topics;

    public EventPublisher(Producer<byte[], byte[]> producer, Topics topics) {
        this.producer = producer;
        this.topics = topics;
    }

    public static EventPublisher create(KafkaConfig config, Topics topics) {
        Map<String, Object> props = KafkaClients.documentProducer(config, "ingest");
        return new EventPublisher(new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer()),
                topics);
    }

    public CompletableFuture<RecordMetadata> publish(IngestedDocument document) {
        return send(topics.ingested, document.getId(), document);
    }

    /** Keyed by relative path: repeated failures of one drop location land on one partition, in order. */
    public CompletableFuture<RecordMetadata> publish(FailedDocument failure) {
        return send(topics.failed, failure.getRelativePath(), failure);
    }

    public Producer<byte[], byte[]> producer() {
        return producer;
    }

    private <K, V> CompletableFuture<RecordMetadata> send(Topic<K, V> topic, K key, V value) {
        CompletableFuture<RecordMetadata> acknowledged = new CompletableFuture<>();
        try {
            byte[] keyBytes = topic.keySerde().serializer().serialize(topic.name(), key);
            byte[] valueBytes = topic.valueSerde().serializer().serialize(topic.name(), value);
            producer.send(new ProducerRecord<>(topic.name(), keyBytes, valueBytes), (metadata, error) -> {
                if (error != null) {
                    acknowledged.completeExceptionally(error);
                } else {
                    acknowledged.complete(metadata);
                }
            });
        } catch (RuntimeException e) {
            acknowledged.completeExceptionally(e);
        }
        return acknowledged;
    }

    /** Waits for records already sent (up to the timeout), then closes the producer. */
    public void close(Duration timeout) {
        producer.close(timeout);
    }

    @Override
    public void close() {
        close(Duration.ofSeconds(10));
    }
}
