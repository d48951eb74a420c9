package nl.kamerstroom.launcher.inspect;

import java.nio.ByteBuffer;
import java.util.HashSet;
import java.util.Set;
import nl.kamerstroom.common.config.KafkaConfig;

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

    private final TopicScan reader;

    public RecordCounter(KafkaConfig config) {
        this.reader = new TopicScan(config, "kamerstroom-status");
    }

    /** The count, or null when the topic does not exist. */
    public Count count(String topic) {
        long[] records = {0};
        Set<ByteBuffer> live = new HashSet<>();
        boolean exists = reader.read(topic, record -> {
            records[0]++;
            if (record.key() == null) {
                return;
            }
            if (record.value() == null) {
                live.remove(ByteBuffer.wrap(record.key()));
            } else {
                live.add(ByteBuffer.wrap(record.key()));
            }
        });
        return exists ? new Count(records[0], live.size()) : null;
    }
}
