package nl.kamerstroom.index.operator;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.kamerstroom.common.config.KafkaConfig;
import nl.kamerstroom.common.kafka.KafkaClients;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * The newest records of a topic, read without a consumer group: each partition from
 * {@code end - n}, so a request reads at most {@code n} records per partition however long
 * the topic is, and gives up after {@link #DEADLINE}.
 */
final class RecentRecords {

    static final Duration DEADLINE = Duration.ofSeconds(3);
    private static final Duration POLL = Duration.ofMillis(200);

    private final KafkaConfig kafka;

    RecentRecords(KafkaConfig kafka) {
        this.kafka = kafka;
    }

    /** At most {@code n} of the newest committed records of {@code topic}, newest first; empty when it does not exist. */
    List<ConsumerRecord<byte[], byte[]>> newest(String topic, int n) {
        Map<String, Object> props = new HashMap<>(KafkaClients.committedReader(kafka, "index-operator-view", null));
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, n);
        // Dead letters can be 16 MiB each; the view needs only the newest few.
        props.put(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, 32 * 1024 * 1024);
        try (var consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<PartitionInfo> infos = consumer.partitionsFor(topic, DEADLINE);
            if (infos == null || infos.isEmpty()) {
                return List.of();
            }
            List<TopicPartition> partitions = infos.stream().map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            Map<TopicPartition, Long> start = consumer.beginningOffsets(partitions, DEADLINE);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, DEADLINE);
            partitions.forEach(tp -> consumer.seek(tp, Math.max(start.get(tp), end.get(tp) - n)));
            List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
            long deadline = System.nanoTime() + DEADLINE.toNanos();
            while (System.nanoTime() < deadline
                    && partitions.stream().anyMatch(tp -> consumer.position(tp, DEADLINE) < end.get(tp))) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL)) {
                    if (record.offset() < end.get(new TopicPartition(record.topic(), record.partition()))) {
                        records.add(record);
                    }
                }
            }
            records.sort(Comparator.comparingLong((ConsumerRecord<byte[], byte[]> r) -> r.timestamp()).reversed());
            return records.size() > n ? List.copyOf(records.subList(0, n)) : records;
        }
    }
}
