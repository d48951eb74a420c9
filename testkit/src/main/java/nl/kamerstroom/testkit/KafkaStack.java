package nl.kamerstroom.testkit;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * A running Kafka broker and schema registry for tests: embedded child JVMs, or containers.
 * Get one as a test (or constructor) parameter with {@link WithKafkaStack}. The stack is shared
 * by every test of the JVM, so tests name their topics with {@link #uniqueName(String)}.
 */
public interface KafkaStack {

    /** {@code host:port} for {@code bootstrap.servers}. */
    String bootstrapServers();

    /** The Confluent-compatible registry URL, for {@code schema.registry.url}. */
    String schemaRegistryUrl();

    /** An Admin client owned by the stack: do not close it. */
    Admin admin();

    /** A name no other test in this JVM uses: {@code prefix-<random>}. */
    static String uniqueName(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Creates the topic with replication factor 1, or leaves it as it is when it exists. */
    default void createTopic(String name, int partitions, Map<String, String> configs) {
        NewTopic topic = new NewTopic(name, partitions, (short) 1).configs(configs);
        try {
            admin().createTopics(List.of(topic)).all().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("Cannot create topic " + name, e.getCause());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while creating topic " + name, e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("Creating topic " + name + " took longer than 30 s", e);
        }
    }

    default void createTopic(String name, int partitions) {
        createTopic(name, partitions, Map.of());
    }

    /** Producer settings: this stack, {@code acks=all}, idempotent, byte-array serializers (override at will). */
    default Properties producerProps() {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        return props;
    }

    /** Consumer settings: this stack, the group, from the earliest offset, read_committed, byte-array deserializers. */
    default Properties consumerProps(String group) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        return props;
    }

    /**
     * Reads the topic from the beginning (all partitions, read_committed, no consumer group) until
     * {@code expected} records have arrived or the timeout passes; returns what was read, so a test
     * asserts on the count and contents.
     */
    default List<ConsumerRecord<byte[], byte[]>> readAll(String topic, int expected, Duration timeout) {
        return TopicReader.read(bootstrapServers(), topic, expected, timeout);
    }

    /** Reads every committed record currently in the topic (up to the end offsets at the call). */
    default List<ConsumerRecord<byte[], byte[]>> readAll(String topic, Duration timeout) {
        return TopicReader.readToEnd(bootstrapServers(), topic, timeout);
    }
}
