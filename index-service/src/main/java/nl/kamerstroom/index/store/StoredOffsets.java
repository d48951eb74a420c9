package nl.kamerstroom.index.store;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;

/**
 * Consumed positions as Lucene commit user data ({@code offset:documents.index:2 → 1234}, the
 * next offset to read): written in the same commit as the documents they produced, so the
 * index and its position in the topic can never disagree.
 */
final class StoredOffsets {

    private static final String PREFIX = "offset:";

    private StoredOffsets() {
    }

    static Map<String, String> toUserData(Map<TopicPartition, Long> positions) {
        Map<String, String> data = new LinkedHashMap<>();
        positions.forEach((tp, offset) -> data.put(PREFIX + tp.topic() + ":" + tp.partition(), Long.toString(offset)));
        return data;
    }

    static Map<TopicPartition, Long> fromUserData(Iterable<Map.Entry<String, String>> data) {
        Map<TopicPartition, Long> positions = new HashMap<>();
        if (data == null) {
            return positions;
        }
        for (Map.Entry<String, String> entry : data) {
            String key = entry.getKey();
            int colon = key.lastIndexOf(':');
            if (key.startsWith(PREFIX) && colon > PREFIX.length()) {
                positions.put(new TopicPartition(key.substring(PREFIX.length(), colon),
                        Integer.parseInt(key.substring(colon + 1))), Long.parseLong(entry.getValue()));
            }
        }
        return positions;
    }
}
