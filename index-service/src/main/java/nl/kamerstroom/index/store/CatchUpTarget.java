package nl.kamerstroom.index.store;

import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.common.TopicPartition;

/**
 * The end of every partition when the feeder started (under read_committed: the last stable
 * offset). Once the feeder's positions reach it, the index holds everything the topic held
 * at start, and the service reports healthy.
 */
public record CatchUpTarget(Map<TopicPartition, Long> endOffsets) {

    public static final CatchUpTarget NONE = new CatchUpTarget(Map.of());

    public CatchUpTarget {
        endOffsets = Map.copyOf(endOffsets);
    }

    public boolean reachedBy(Map<TopicPartition, Long> positions) {
        return endOffsets.entrySet().stream()
                .allMatch(end -> positions.getOrDefault(end.getKey(), 0L) >= end.getValue());
    }

    /** {@code documents.index-0 → 1234}, for the health answer. */
    public Map<String, Long> view() {
        Map<String, Long> view = new TreeMap<>();
        endOffsets.forEach((tp, offset) -> view.put(tp.toString(), offset));
        return view;
    }
}
