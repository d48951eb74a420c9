package nl.kamerstroom.index.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import nl.kamerstroom.common.deadletter.DeadLetter;
import nl.kamerstroom.index.Documents;
import nl.kamerstroom.schema.IndexDocument;
import nl.kamerstroom.serde.AvroSerdeConfig;
import nl.kamerstroom.serde.SchemaRegistryClients;
import nl.kamerstroom.testkit.MutableClock;
import nl.kamerstroom.topic.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IndexFeederTest {

    private static final String TOPIC = "documents.index";
    private static final TopicPartition P0 = new TopicPartition(TOPIC, 0);
    private static final TopicPartition P1 = new TopicPartition(TOPIC, 1);
    private static final String REGISTRY = "mock://index-feeder-test";
    private static final Topics TOPICS = Topics.create(new AvroSerdeConfig(REGISTRY, true, false));
    private static final FeedPolicy EVERY_BATCH = new FeedPolicy(Duration.ZERO, 1, Duration.ZERO);
    /** Commits only once three changes are pending: leaves a window to crash in. */
    private static final FeedPolicy EVERY_THIRD_CHANGE = new FeedPolicy(Duration.ofHours(1), 3, Duration.ZERO);

    @TempDir
    Path dir;

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final MockProducer<byte[], byte[]> deadLetterProducer =
            new MockProducer<>(true, null, new ByteArraySerializer(), new ByteArraySerializer());

    @AfterAll
    static void dropRegistry() {
        SchemaRegistryClients.dropMockScope(REGISTRY);
    }

    /**
     * Records a foreign client wrote to documents.index: bytes that are not Avro, a schema id the
     * registry does not know, no key, and an id longer than Lucene indexes. Each becomes one
     * dead letter naming this replica; the documents around them are indexed; the commit moves
     * past them at once, so a restart does not send them again.
     */
    @Test
    void recordsItCannotIndexGoToTheDeadLetterTopicAndTheFeederGoesOn() throws IOException {
        String immenseId = "x".repeat(40_000);
        MockConsumer<byte[], byte[]> consumer = consumer(Map.of(P0, 6L, P1, 0L));
        try (SearchIndex index = SearchIndex.open(dir);
             IndexFeeder feeder = feeder(consumer, index, new FeedPolicy(Duration.ofHours(1), 1000, Duration.ZERO))) {
            feeder.start();
            awaitAssigned(consumer);
            // All in one poll, as one fetch brings them: the dead letters' commit then covers "b" too.
            consumer.schedulePollTask(() -> {
                add(consumer, P0, 0, "a", "alpha");
                addBytes(consumer, P0, 1, bytes("garbage"), bytes("not avro"));
                addBytes(consumer, P0, 2, bytes("unknown-schema"), new byte[] {0, 0, 0, 0x7f, 0x7f, 1});
                addBytes(consumer, P0, 3, null, TOPICS.index.valueSerde().serializer().serialize(TOPIC, doc("k", "kappa")));
                add(consumer, P0, 4, immenseId, "te lang");
                add(consumer, P0, 5, "b", "beta");
            });

            await(feeder::caughtUp);
            assertThat(feeder.health().up()).isTrue();
            assertThat(index.documentCount()).isEqualTo(2);
            assertThat(StoreFiles.textOf(index, "b")).isEqualTo("beta");
            await(() -> Map.of(P0, 6L, P1, 0L).equals(index.committedPositions()));
        }
        assertThat(deadLetterProducer.history()).allSatisfy(letter -> {
            assertThat(letter.topic()).isEqualTo(Topics.INDEX_DEAD_LETTERS);
            assertThat(header(letter, DeadLetter.HEADER_TOPIC)).isEqualTo(TOPIC);
            assertThat(header(letter, DeadLetter.HEADER_SERVICE)).isEqualTo("index");
            assertThat(header(letter, DeadLetter.HEADER_INSTANCE)).isEqualTo("replica-2");
        }).extracting(letter -> header(letter, DeadLetter.HEADER_OFFSET) + " " + header(letter, DeadLetter.HEADER_STAGE))
                .containsExactly("1 deserialize", "2 deserialize", "3 deserialize", "4 index");
        assertThat(deadLetterProducer.history().get(0).value()).isEqualTo(bytes("not avro"));
        assertThat(header(deadLetterProducer.history().get(3), DeadLetter.HEADER_EXCEPTION_MESSAGE))
                .contains("Document id is 40000 bytes");
        assertThat(meters.get("kamerstroom.index.dlq").tag("topic", TOPIC).tag("reason", "deserialize").counter()
                .count()).isEqualTo(3);
        assertThat(meters.get("kamerstroom.index.dlq").tag("topic", TOPIC).tag("reason", "index").counter()
                .count()).isEqualTo(1);

        deadLetterProducer.clear();
        MockConsumer<byte[], byte[]> afterRestart = consumer(Map.of(P0, 6L, P1, 0L));
        try (SearchIndex index = SearchIndex.open(dir);
             IndexFeeder feeder = feeder(afterRestart, index, EVERY_BATCH)) {
            feeder.start();
            awaitAssigned(afterRestart);
            await(feeder::caughtUp);
            assertThat(index.documentCount()).isEqualTo(2);
        }
        assertThat(deadLetterProducer.history()).isEmpty();
    }

    /** The dead-letter topic is away: the record is not skipped but dead-lettered once it is back. */
    @Test
    void aRecordWhoseDeadLetterCannotBeWrittenIsNotSkipped() throws IOException {
        MockProducer<byte[], byte[]> manual = new MockProducer<>(false, null, new ByteArraySerializer(),
                new ByteArraySerializer());
        MockConsumer<byte[], byte[]> consumer = consumer(Map.of(P0, 2L, P1, 0L));
        try (SearchIndex index = SearchIndex.open(dir);
             IndexFeeder feeder = new IndexFeeder(consumer, TOPICS.index.valueSerde().deserializer(), TOPIC, index,
                     new StoreDeadLetters(manual, Topics.INDEX_DEAD_LETTERS, "replica-2", meters), EVERY_BATCH,
                     new StoreMetrics(meters, index), Clock.systemUTC())) {
            feeder.start();
            awaitAssigned(consumer);
            Runnable delivery = () -> {
                addBytes(consumer, P0, 0, bytes("garbage"), bytes("not avro"));
                add(consumer, P0, 1, "b", "beta");
            };
            consumer.schedulePollTask(delivery);
            await(() -> manual.history().size() == 1);
            assertThat(manual.errorNext(new KafkaException("documents.index.dlq unavailable"))).isTrue();
            await(() -> consumer.position(P0) == 0);
            assertThat(feeder.caughtUp()).isFalse();
            // The mock forgets records once polled; a broker delivers them again after the seek.
            consumer.schedulePollTask(delivery);
            await(() -> manual.history().size() == 2);
            assertThat(manual.completeNext()).isTrue();

            await(feeder::caughtUp);
            assertThat(StoreFiles.textOf(index, "b")).isEqualTo("beta");
        }
        assertThat(manual.history()).extracting(ProducerRecord::value).containsExactly(bytes("not avro"),
                bytes("not avro"));
        assertThat(meters.get("kamerstroom.index.dlq").tag("topic", TOPIC).tag("reason", "deserialize").counter()
                .count()).isEqualTo(1);
    }

    private static String header(ProducerRecord<byte[], byte[]> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    @Test
    void anEmptyIndexRebuildsFromTheBeginningOfEveryPartition() throws IOException {
        MockConsumer<byte[], byte[]> consumer = consumer(Map.of(P0, 3L, P1, 1L));
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
        MockConsumer<byte[], byte[]> consumer = consumer(Map.of(P0, 2L, P1, 0L));
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
        MockConsumer<byte[], byte[]> consumer = consumer(Map.of(P0, 5L, P1, 0L));
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

        MockConsumer<byte[], byte[]> afterRestart = consumer(Map.of(P0, 5L, P1, 0L));
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

    /**
     * Caught up, a document is searchable one refresh interval after it was indexed; while more
     * records wait in the topic (a burst), the searcher is refreshed five times less often, and
     * at the interval again once the feeder has read everything.
     */
    @Test
    void whileRecordsWaitInTheTopicTheSearcherIsRefreshedLessOften() throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2026-12-04T12:00:00Z"));
        MockConsumer<byte[], byte[]> consumer = consumer(Map.of(P0, 1L, P1, 0L));
        try (SearchIndex index = SearchIndex.open(dir);
             IndexFeeder feeder = feeder(consumer, index, new FeedPolicy(Duration.ofHours(1), 1000,
                     Duration.ofMillis(200)), clock)) {
            feeder.start();
            awaitAssigned(consumer);
            add(consumer, P0, 0, "a", "alpha");
            await(feeder::caughtUp);

            // Offsets 1-3 are in the topic; one poll brings only the first.
            consumer.updateEndOffsets(Map.of(P0, 4L));
            clock.advance(Duration.ofMillis(300));
            add(consumer, P0, 1, "b", "beta");
            awaitFedUpTo(consumer, 2);
            assertThat(StoreFiles.textOf(index, "b")).as("indexed 300 ms ago while behind").isNull();

            clock.advance(Duration.ofMillis(IndexFeeder.BEHIND_REFRESH_FACTOR * 200));
            await(() -> "beta".equals(StoreFiles.textOf(index, "b")));

            add(consumer, P0, 2, "c", "gamma");
            add(consumer, P0, 3, "d", "delta");
            awaitFedUpTo(consumer, 4);
            clock.advance(Duration.ofMillis(300));
            await(() -> "delta".equals(StoreFiles.textOf(index, "d")));
        }
    }

    private record Change(String id, String text) {
    }

    private IndexFeeder feeder(MockConsumer<byte[], byte[]> consumer, SearchIndex index, FeedPolicy policy) {
        return feeder(consumer, index, policy, Clock.systemUTC());
    }

    private IndexFeeder feeder(MockConsumer<byte[], byte[]> consumer, SearchIndex index, FeedPolicy policy,
                               Clock clock) {
        return new IndexFeeder(consumer, TOPICS.index.valueSerde().deserializer(), TOPIC, index,
                new StoreDeadLetters(deadLetterProducer, Topics.INDEX_DEAD_LETTERS, "replica-2", meters), policy,
                new StoreMetrics(meters, index), clock);
    }

    private static MockConsumer<byte[], byte[]> consumer(Map<TopicPartition, Long> endOffsets) {
        MockConsumer<byte[], byte[]> consumer = new MockConsumer<>("earliest");
        Node node = new Node(0, "localhost", 9092);
        consumer.updatePartitions(TOPIC, List.of(new PartitionInfo(TOPIC, 0, node, null, null),
                new PartitionInfo(TOPIC, 1, node, null, null)));
        consumer.updateBeginningOffsets(Map.of(P0, 0L, P1, 0L));
        consumer.updateEndOffsets(endOffsets);
        return consumer;
    }

    private static void addAll(MockConsumer<byte[], byte[]> consumer, List<Change> changes, int firstOffset) {
        for (int i = 0; i < changes.size(); i++) {
            Change change = changes.get(i);
            add(consumer, P0, firstOffset + i, change.id(), change.text());
        }
    }

    private static void add(MockConsumer<byte[], byte[]> consumer, TopicPartition tp, long offset, String id,
                            String text) {
        addBytes(consumer, tp, offset, id == null ? null : bytes(id),
                text == null ? null : TOPICS.index.valueSerde().serializer().serialize(TOPIC, doc(id, text)));
    }

    private static void addBytes(MockConsumer<byte[], byte[]> consumer, TopicPartition tp, long offset, byte[] key,
                                 byte[] value) {
        consumer.addRecord(new ConsumerRecord<>(TOPIC, tp.partition(), offset, key, value));
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static IndexDocument doc(String id, String text) {
        return Documents.index(Documents.plain(id, id + ".txt", text));
    }


    /** Returns once the feeder has polled P0 up to {@code position} and done everything with what that poll brought. */
    private static void awaitFedUpTo(MockConsumer<byte[], byte[]> consumer, long position) throws InterruptedException {
        await(() -> consumer.position(P0) == position);
        // A poll task runs at the start of the next poll, after the feeder handled the last one.
        CountDownLatch polled = new CountDownLatch(1);
        consumer.schedulePollTask(polled::countDown);
        assertThat(polled.await(10, TimeUnit.SECONDS)).as("polled again").isTrue();
    }

    private static void awaitAssigned(MockConsumer<byte[], byte[]> consumer) {
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
