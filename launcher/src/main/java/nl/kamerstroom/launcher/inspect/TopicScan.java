package nl.kamerstroom.launcher.inspect;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import nl.kamerstroom.common.config.KafkaConfig;
import nl.kamerstroom.common.kafka.KafkaClients;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Reads a topic's committed records from its start to the end it had when reading began:
 * records written meanwhile (the pipeline keeps running) are not waited for. Under
 * read_committed the end is the last stable offset, so open transactions are not waited for
 * either.
 */
public final class TopicScan {

    private static final Duration POLL = Duration.ofMillis(500);

    private final KafkaConfig config;
    private final String clientId;

    public TopicScan(KafkaConfig config, String clientId) {
        this.config = config;
        this.clientId = clientId;
    }

    /** Hands every record to {@code each}, in offset order per partition; false when the topic does not exist. */
    public boolean read(String topic, Consumer<ConsumerRecord<byte[], byte[]>> each) {
        Map<String, Object> props = new HashMap<>(KafkaClients.committedReader(config, clientId, null));
        try (var consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<PartitionInfo> infos = consumer.partitionsFor(topic);
            if (infos == null || infos.isEmpty()) {
                return false;
            }
            List<TopicPartition> partitions = infos.stream().map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (!reached(consumer, end)) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL)) {
                    if (record.offset() < end.get(new TopicPartition(record.topic(), record.partition()))) {
                        each.accept(record);
                    }
                }
            }
            return true;
        }
    }

    private static boolean reached(KafkaConsumer<byte[], byte[]> consumer, Map<TopicPartition, Long> end) {
        return end.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
    }
}
