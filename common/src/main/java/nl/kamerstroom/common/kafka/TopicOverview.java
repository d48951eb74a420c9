package nl.kamerstroom.common.kafka;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.GroupListing;
import org.apache.kafka.clients.admin.ListGroupsOptions;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;

/**
 * What {@code kamerstroom topics} and the operator view show, read with the Admin API: each topic's partitions and
 * offsets, and how far behind each consumer group (Streams applications included) is on it.
 */
public final class TopicOverview {

    private static final long TIMEOUT_SECONDS = 30;

    /** A consumer group's position on one topic: the sum of end offset minus committed offset over its partitions. */
    public record GroupLag(String groupId, long committed, long lag) {
    }

    /** One topic: offsets per partition (index = partition number) and the groups that read it. */
    public record TopicState(String name, List<Long> startOffsets, List<Long> endOffsets, List<GroupLag> groups) {

        public int partitions() {
            return endOffsets.size();
        }

        public long endOffsetTotal() {
            return endOffsets.stream().mapToLong(Long::longValue).sum();
        }

        /** End minus start offsets: the records kept, counting transaction markers too. */
        public long retainedOffsets() {
            return endOffsetTotal() - startOffsets.stream().mapToLong(Long::longValue).sum();
        }
    }

    private TopicOverview() {
    }

    /** Every topic that is not internal to Kafka, sorted by name. */
    public static List<TopicState> read(Admin admin) {
        try {
            var names = admin.listTopics().names().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            Map<String, TopicDescription> descriptions = new TreeMap<>(
                    admin.describeTopics(names).allTopicNames().get(TIMEOUT_SECONDS, TimeUnit.SECONDS));
            List<TopicPartition> partitions = new ArrayList<>();
            descriptions.values().forEach(d -> d.partitions().forEach(p -> partitions.add(new TopicPartition(d.name(), p.partition()))));
            Map<TopicPartition, Long> start = offsets(admin, partitions, OffsetSpec.earliest());
            Map<TopicPartition, Long> end = offsets(admin, partitions, OffsetSpec.latest());
            Map<String, Map<TopicPartition, OffsetAndMetadata>> committed = committedOffsets(admin);

            List<TopicState> topics = new ArrayList<>();
            for (TopicDescription description : descriptions.values()) {
                List<Long> starts = new ArrayList<>();
                List<Long> ends = new ArrayList<>();
                for (int p = 0; p < description.partitions().size(); p++) {
                    TopicPartition tp = new TopicPartition(description.name(), p);
                    starts.add(start.getOrDefault(tp, 0L));
                    ends.add(end.getOrDefault(tp, 0L));
                }
                topics.add(new TopicState(description.name(), starts, ends, lags(description.name(), end, committed)));
            }
            return topics;
        } catch (ExecutionException | TimeoutException e) {
            throw new KafkaException("Cannot read topics from the broker: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaException("Interrupted while reading topics", e);
        }
    }

    private static Map<TopicPartition, Long> offsets(Admin admin, List<TopicPartition> partitions, OffsetSpec spec)
            throws ExecutionException, InterruptedException, TimeoutException {
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        partitions.forEach(tp -> request.put(tp, spec));
        Map<TopicPartition, ListOffsetsResultInfo> result = admin.listOffsets(request).all()
                .get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        Map<TopicPartition, Long> offsets = new HashMap<>();
        result.forEach((tp, info) -> offsets.put(tp, info.offset()));
        return offsets;
    }

    private static Map<String, Map<TopicPartition, OffsetAndMetadata>> committedOffsets(Admin admin)
            throws ExecutionException, InterruptedException, TimeoutException {
        Map<String, Map<TopicPartition, OffsetAndMetadata>> byGroup = new TreeMap<>();
        for (GroupListing group : admin.listGroups(ListGroupsOptions.forConsumerGroups()).all()
                .get(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            byGroup.put(group.groupId(), admin.listConsumerGroupOffsets(group.groupId())
                    .partitionsToOffsetAndMetadata().get(TIMEOUT_SECONDS, TimeUnit.SECONDS));
        }
        return byGroup;
    }

    private static List<GroupLag> lags(String topic, Map<TopicPartition, Long> end,
                                       Map<String, Map<TopicPartition, OffsetAndMetadata>> committed) {
        List<GroupLag> lags = new ArrayList<>();
        committed.forEach((group, offsets) -> {
            long position = 0;
            long lag = 0;
            boolean reads = false;
            for (var entry : offsets.entrySet()) {
                if (entry.getKey().topic().equals(topic) && entry.getValue() != null) {
                    reads = true;
                    position += entry.getValue().offset();
                    lag += Math.max(0, end.getOrDefault(entry.getKey(), 0L) - entry.getValue().offset());
                }
            }
            if (reads) {
                lags.add(new GroupLag(group, position, lag));
            }
        });
        return lags;
    }
}
