package nl.kamerstroom.index.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import nl.kamerstroom.index.Documents;
import nl.kamerstroom.schema.IndexDocument;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IndexFeederTest {

    private static final String TOPIC = "documents.index";
    private static final TopicPartition P0 = new TopicPartition(TOPIC, 0);
    private static final TopicPartition P1 = new TopicPartition(TOPIC, 1);
    private static final FeedPolicy EVERY_BATCH = new FeedPolicy(Duration.ZERO, 1, Duration.ZERO);
    /** Commits only once three changes are pending: leaves a window to crash in. */
    private static final FeedPolicy EVERY_THIRD_CHANGE = new FeedPolicy(Duration.ofHours(1), 3, Duration.ZERO);

    @TempDir
    Path dir;

    @Test
    void anEmptyIndexRebuildsFromTheBeginningOfEveryPartition() throws IOException {
        MockConsumer<String, IndexDocument> consumer = consumer(Map.of(P0, 3L, P1, 1L));
        try (SearchIndex index = SearchIndex.open(dir);
             IndexFeeder feeder = feeder(consumer, index, EVERY_BATCH)) {
            feeder.start();
            awaitAssigned(consumer);
            add(consumer, P0, 0, "a", "alpha");
            add(consumer, P0, 1, "b", "beta");
            add(consumer, P0, 2, "a", null);
            add(consumer, P1, 0, "c", "gamma");

            await(feeder::caughtUp);
            assertThat(feeder.health().up()).isTrue();
            assertThat(index.documentCount()).isEqualTo(2);
            assertThat(StoreFiles.textOf(index, "b")).isEqualTo("beta");
            await(() -> index.committedPositions().equals(Map.of(P0, 3L, P1, 1L)));
        }
    }

    @Test
    void anExistingIndexResumesFromThePositionsInItsCommit() throws IOException {
        try (SearchIndex index = SearchIndex.open(dir)) {
            index.upsert("a", doc("a", "alpha"));
            index.commit(Map.of(P0, 1L, P1, 0L));
        }
        MockConsumer<String, IndexDocument> consumer = consumer(Map.of(P0, 2L, P1, 0L));
        try (SearchIndex index = SearchIndex.open(dir);
             IndexFeeder feeder = feeder(consumer, index, EVERY_BATCH)) {
            assertThat(feeder.health().up()).isFalse();
            feeder.start();
            awaitAssigned(consumer);
            // offset 0 is already in the index; were it replayed, "never" would appear
            add(consumer, P0, 0, "never", "should not be read again");
            add(consumer, P0, 1, "b", "beta");

            await(feeder::caughtUp);
            assertThat(index.documentCount()).isEqualTo(2);
            assertThat(StoreFiles.textOf(index, "a")).isEqualTo("alpha");
            assertThat(StoreFiles.textOf(index, "b")).isEqualTo("beta");
        }
    }

    /**
     * Three changes are committed with their positions; two more are indexed and searchable
     * but not committed when the process dies. The restart finds the first three, replays the
     * last two from the topic, and ends exactly where an uninterrupted run would have.
     */
    @Test
    void aCrashBetweenIndexingAndCommittingNeitherLosesNorDuplicates(@TempDir Path crashed) throws IOException {
        List<Change> changes = List.of(new Change("a", "alpha"), new Change("b", "beta"), new Change("c", "gamma"),
                new Change("a", "alpha, tweede versie"), new Change("b", null));
        MockConsumer<String, IndexDocument> consumer = consumer(Map.of(P0, 5L, P1, 0L));
        try (SearchIndex index = SearchIndex.open(dir);
             IndexFeeder feeder = feeder(consumer, index, EVERY_THIRD_CHANGE)) {
            feeder.start();
            awaitAssigned(consumer);
            addAll(consumer, changes.subList(0, 3), 0);
            await(() -> index.committedPositions().equals(Map.of(P0, 3L, P1, 0L)));
            addAll(consumer, changes.subList(3, 5), 3);
            await(() -> index.documentCount() == 2 && "alpha, tweede versie".equals(StoreFiles.textOf(index, "a")));
            assertThat(index.committedPositions()).containsEntry(P0, 3L);
            StoreFiles.copyAsACrashLeavesIt(dir, crashed);
        }

        MockConsumer<String, IndexDocument> afterRestart = consumer(Map.of(P0, 5L, P1, 0L));
        try (SearchIndex index = SearchIndex.open(crashed);
             IndexFeeder feeder = feeder(afterRestart, index, EVERY_THIRD_CHANGE)) {
            assertThat(index.documentCount()).isEqualTo(3);
            feeder.start();
            awaitAssigned(afterRestart);
            addAll(afterRestart, changes, 0);

            await(feeder::caughtUp);
            assertThat(index.documentCount()).isEqualTo(2);
            assertThat(StoreFiles.textOf(index, "a")).isEqualTo("alpha, tweede versie");
            assertThat(StoreFiles.textOf(index, "c")).isEqualTo("gamma");
        }
        try (SearchIndex reopened = SearchIndex.open(crashed)) {
            assertThat(reopened.committedPositions()).isEqualTo(Map.of(P0, 5L, P1, 0L));
            assertThat(reopened.documentCount()).isEqualTo(2);
        }
    }

    private record Change(String id, String text) {
    }

    private static IndexFeeder feeder(MockConsumer<String, IndexDocument> consumer, SearchIndex index,
                                      FeedPolicy policy) {
        return new IndexFeeder(consumer, TOPIC, index, policy, new StoreMetrics(new SimpleMeterRegistry(), index),
                Clock.systemUTC());
    }

    private static MockConsumer<String, IndexDocument> consumer(Map<TopicPartition, Long> endOffsets) {
        MockConsumer<String, IndexDocument> consumer = new MockConsumer<>("earliest");
        Node node = new Node(0, "localhost", 9092);
        consumer.updatePartitions(TOPIC, List.of(new PartitionInfo(TOPIC, 0, node, null, null),
                new PartitionInfo(TOPIC, 1, node, null, null)));
        consumer.updateBeginningOffsets(Map.of(P0, 0L, P1, 0L));
        consumer.updateEndOffsets(endOffsets);
        return consumer;
    }

    private static void addAll(MockConsumer<String, IndexDocument> consumer, List<Change> changes, int firstOffset) {
        for (int i = 0; i < changes.size(); i++) {
            Change change = changes.get(i);
            add(consumer, P0, firstOffset + i, change.id(), change.text());
        }
    }

    private static void add(MockConsumer<String, IndexDocument> consumer, TopicPartition tp, long offset, String id,
                            String text) {
        consumer.addRecord(new ConsumerRecord<>(TOPIC, tp.partition(), offset, id, text == null ? null : doc(id, text)));
    }

    private static IndexDocument doc(String id, String text) {
        return Documents.index(Documents.plain(id, id + ".txt", text));
    }


    private static void awaitAssigned(MockConsumer<String, IndexDocument> consumer) {
        await(() -> consumer.assignment().size() == 2);
    }

    static void await(BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Condition not met within 10 s");
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

}
