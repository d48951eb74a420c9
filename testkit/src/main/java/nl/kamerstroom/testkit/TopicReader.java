package nl.kamerstroom.testkit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/** Reads a whole topic with an assigned (group-less) read_committed consumer (public for the fault-injection suite). */
public final class TopicReader {

    private static final Duration POLL = Duration.ofMillis(100);

    private TopicReader() {
    }

    public static List<ConsumerRecord<byte[], byte[]>> read(String bootstrap, String topic, int expected, Duration timeout) {
        return read(bootstrap, topic, timeout, (consumer, records) -> records.size() >= expected);
    }

    public static List<ConsumerRecord<byte[], byte[]>> readToEnd(String bootstrap, String topic, Duration timeout) {
        return read(bootstrap, topic, timeout, new ReachedEnd());
    }

    private static List<ConsumerRecord<byte[], byte[]>> read(String bootstrap, String topic, Duration timeout, Done done) {
        List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props(bootstrap),
                new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, timeout).stream()
                    .map(info -> new TopicPartition(topic, info.partition()))
                    .toList();
            if (partitions.isEmpty()) {
                throw new IllegalArgumentException("Topic " + topic + " does not exist (topics are never auto-created)");
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long deadline = System.nanoTime() + timeout.toNanos();
            while (!done.test(consumer, records) && System.nanoTime() < deadline) {
                consumer.poll(POLL).forEach(records::add);
            }
        }
        return List.copyOf(records);
    }

    private static Properties props(String bootstrap) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 16 * 1024 * 1024);
        return props;
    }

    @FunctionalInterface
    private interface Done {
        boolean test(KafkaConsumer<byte[], byte[]> consumer, List<ConsumerRecord<byte[], byte[]>> records);
    }

    /** Done once every partition's position reaches the end offset seen at the first check (the LSO, under read_committed). */
    private static final class ReachedEnd implements Done {
        private Map<TopicPartition, Long> end;

        @Override
        public boolean test(KafkaConsumer<byte[], byte[]> consumer, List<ConsumerRecord<byte[], byte[]>> records) {
            if (end == null) {
                end = consumer.endOffsets(consumer.assignment());
            }
            Predicate<TopicPartition> reached = partition -> consumer.position(partition) >= end.get(partition);
            return end.keySet().stream().allMatch(reached);
        }
    }
}
