package nl.kamerstroom.launcher.inspect;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.kamerstroom.common.config.KafkaConfig;
import nl.kamerstroom.common.kafka.KafkaClients;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Counts the committed records of a topic and their distinct keys (documents) by reading it
 * from start to end. Offsets alone would over-count: every exactly-once transaction leaves a
 * commit marker that takes an offset, and a compacted topic has gaps. Reading costs a pass
 * over the topic, which is fine for an operator's command, not for a dashboard.
 */
public final class RecordCounter {

    /** Records read, and the distinct keys whose latest record is not a tombstone (the documents). */
    public record Count(long records, long documents) {
    }

    private static final Duration POLL = Duration.ofMillis(500);

    private final KafkaConfig config;

    public RecordCounter(KafkaConfig config) {
        this.config = config;
    }

    /** The count, or null when the topic does not exist. */
    public Count count(String topic) {
        Map<String, Object> props = new HashMap<>(KafkaClients.committedReader(config, "kamerstroom-status", null));
        try (var consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<PartitionInfo> infos = consumer.partitionsFor(topic);
            if (infos == null || infos.isEmpty()) {
                return null;
            }
            List<TopicPartition> partitions = infos.stream().map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            // Under read_committed the end offset is the last stable offset: open transactions are not waited for.
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long records = 0;
            Set<ByteBuffer> live = new HashSet<>();
            while (!reached(consumer, end)) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL)) {
                    if (record.offset() >= end.get(new TopicPartition(record.topic(), record.partition()))) {
                        continue;
                    }
                    records++;
                    if (record.key() == null) {
                        continue;
                    }
                    if (record.value() == null) {
                        live.remove(ByteBuffer.wrap(record.key()));
                    } else {
                        live.add(ByteBuffer.wrap(record.key()));
                    }
                }
            }
            return new Count(records, live.size());
        }
    }

    private static boolean reached(KafkaConsumer<byte[], byte[]> consumer, Map<TopicPartition, Long> end) {
        return end.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
    }
}
