package nl.kamerstroom.index.opensearch;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.kamerstroom.common.deadletter.DeadLetter;
import nl.kamerstroom.index.store.StoreFeeder;
import nl.kamerstroom.index.store.StoreDeadLetters;
import nl.kamerstroom.schema.IndexDocument;
import nl.kamerstroom.serde.SchemaRegistryException;
import org.apache.kafka.clients.consumer.CommitFailedException;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.opensearch.client.opensearch._types.OpenSearchException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Feeds OpenSearch from documents.index the way the README's contract tells any downstream store
 * to: a consumer group reading with {@code read_committed} from the beginning, upserts by key,
 * tombstones as deletes. Every poll becomes one bulk request ({@link BulkWriter}: offsets as
 * external versions, so replays never put back an older version), and the group's offsets are
 * committed only after that request succeeded: a crash at any point replays, never skips.
 *
 * <p>Back-pressure: while the cluster is down, slow or refusing writes (429), the feeder pauses
 * its partitions and retries the same records with growing pauses, polling only to stay in the
 * group. A record whose document does not fit the mapping stops the feeder with that record
 * named: nothing is skipped. A record that cannot be decoded (written by a foreign client) goes to
 * documents.index.dlq as the Lucene store's do, and the feeder goes on past it; a registry that
 * cannot answer is waited for.
 */
public final class OpenSearchFeeder extends StoreFeeder<String, IndexDocument> {

    private static final Logger LOG = LoggerFactory.getLogger(OpenSearchFeeder.class);
    private static final Duration POLL_TIMEOUT = Duration.ofMillis(200);
    private static final Duration FIRST_RETRY = Duration.ofMillis(500);
    private static final Duration LONGEST_RETRY = Duration.ofSeconds(10);
    /** OpenSearch's limit on the length of a document's {@code _id}. */
    static final int MAX_ID_BYTES = 512;

    private final StoreDeadLetters deadLetters;
    private final BulkWriter writer;
    private final DocumentsIndex index;
    private final Counter written;
    private final Counter alreadyNewer;
    private final Counter retries;
    private final List<ConsumerRecord<String, IndexDocument>> pending = new ArrayList<>();
    private volatile boolean backingOff;
    private boolean joined;
    private Map<TopicPartition, OffsetAndMetadata> lastCommitted = Map.of();

    /** @param consumer a consumer in the store's group, {@code read_committed}, auto-commit off, earliest */
    public OpenSearchFeeder(Consumer<String, IndexDocument> consumer, String topic, DocumentsIndex index,
                            StoreDeadLetters deadLetters, MeterRegistry registry) {
        super(consumer, topic, "opensearch-feeder");
        this.deadLetters = deadLetters;
        this.index = index;
        this.writer = new BulkWriter(index);
        this.written = counter(registry, "written");
        this.alreadyNewer = counter(registry, "already_newer");
        this.retries = counter(registry, "retried");
    }

    /** Not while OpenSearch refuses writes: the store falls behind then. */
    @Override
    protected boolean writable() {
        return !backingOff;
    }

    @Override
    protected Map<String, Object> details() {
        Map<String, Object> details = new LinkedHashMap<>(super.details());
        details.put("store", "opensearch");
        details.put("index", index.name());
        return details;
    }

    /** Joins the store's group: the group's committed offsets are where the store resumes. */
    @Override
    protected void begin(List<TopicPartition> partitions) {
        consumer.subscribe(List.of(topic), new Rebalance());
    }

    @Override
    protected void feed() throws InterruptedException {
        try {
            take(consumer.poll(POLL_TIMEOUT));
        } catch (RecordDeserializationException e) {
            passOver(e);
            return;
        }
        if (!pending.isEmpty()) {
            writeAll();
        }
        if (running() && pending.isEmpty()) {
            commitPositions();
        }
        if (!caughtUp()) {
            checkCaughtUp();
        }
    }

    /** Writes the pending records, retrying until OpenSearch took them all (or the feeder stops). */
    private void writeAll() throws InterruptedException {
        Duration wait = FIRST_RETRY;
        while (running() && !pending.isEmpty()) {
            String problem;
            try {
                BulkWriter.Outcome outcome = writer.write(pending);
                if (!outcome.unfit().isEmpty()) {
                    throw new IllegalStateException("Documents do not fit OpenSearch index " + index.name()
                            + " (fix the mapping or the record; nothing was skipped): " + outcome.unfit());
                }
                if (outcome.complete()) {
                    written.increment(outcome.written());
                    alreadyNewer.increment(outcome.alreadyNewer());
                    pending.clear();
                    return;
                }
                problem = "OpenSearch refused writes: " + outcome.retryable().getFirst();
            } catch (IOException | OpenSearchException e) {
                problem = "OpenSearch unavailable: " + e.getMessage();
            }
            backOff(problem, wait);
            wait = wait.multipliedBy(2).compareTo(LONGEST_RETRY) > 0 ? LONGEST_RETRY : wait.multipliedBy(2);
        }
    }

    /**
     * Pauses every partition, waits, and polls (which returns nothing while paused) so the group
     * keeps this member; a rebalance meanwhile drops the records of partitions it took away, and
     * pauses the ones it brought.
     */
    private void backOff(String problem, Duration wait) throws InterruptedException {
        if (!backingOff) {
            LOG.warn("{}; pausing consumption and retrying {} records", problem, pending.size());
        }
        backingOff = true;
        retries.increment();
        state("BACK_PRESSURE: " + problem);
        consumer.pause(consumer.assignment());
        pause(wait);
        take(consumer.poll(Duration.ZERO));
    }

    /**
     * The consumer stops at a record it cannot decode (the records before it were returned): a
     * registry that cannot answer is waited for, the record read again; anything else goes to the
     * dead-letter topic and the feeder seeks past it. Its position is committed with the next
     * records', so a crash in between writes the dead letter again rather than losing it.
     */
    private void passOver(RecordDeserializationException e) throws InterruptedException {
        TopicPartition partition = e.topicPartition();
        if (SchemaRegistryException.isUnavailable(e)) {
            LOG.warn("Cannot decode {}@{} now, retrying: {}", partition, e.offset(), e.getCause().getMessage());
            pause(FIRST_RETRY);
            return;
        }
        DeadLetter letter = new DeadLetter(DeadLetter.DESERIALIZE, partition.topic(), partition.partition(),
                e.offset(), null, null, bytes(e.keyBuffer()), bytes(e.valueBuffer()), e.headers(), e);
        if (deadLetters.send(letter)) {
            consumer.seek(partition, e.offset() + 1);
        } else {
            pause(FIRST_RETRY);
        }
    }

    private static byte[] bytes(ByteBuffer buffer) {
        if (buffer == null) {
            return null;
        }
        byte[] bytes = new byte[buffer.remaining()];
        buffer.duplicate().get(bytes);
        return bytes;
    }

    /** Records without a key have no document to write; the contract has none, so they are passed over. */
    private void take(ConsumerRecords<String, IndexDocument> records) {
        for (TopicPartition partition : records.partitions()) {
            for (ConsumerRecord<String, IndexDocument> record : records.records(partition)) {
                if (record.key() == null) {
                    continue;
                }
                if (record.key().getBytes(StandardCharsets.UTF_8).length <= MAX_ID_BYTES) {
                    pending.add(record);
                } else if (!deadLetterLongId(record)) {
                    consumer.seek(partition, record.offset());
                    break;
                }
            }
        }
    }

    /**
     * OpenSearch refuses a whole bulk request that holds an {@code _id} over 512 bytes, so such a
     * record (the Lucene store dead-letters it too) goes to the dead-letter topic before the request.
     * The value is not kept: the consumer decoded it, and it can never be indexed under that id.
     */
    private boolean deadLetterLongId(ConsumerRecord<String, IndexDocument> record) {
        IllegalArgumentException tooLong = new IllegalArgumentException("Document id of " + record.key().length()
                + " characters is longer than OpenSearch's " + MAX_ID_BYTES + "-byte limit for _id");
        return deadLetters.send(new DeadLetter(DeadLetter.INDEX, record.topic(), record.partition(), record.offset(),
                null, null, record.key().getBytes(StandardCharsets.UTF_8), null, record.headers(), tooLong));
    }

    /**
     * Commits the positions of every owned partition: past the written records, and past the
     * transaction markers that follow them, so the group's lag reaches zero.
     */
    private void commitPositions() {
        Map<TopicPartition, OffsetAndMetadata> next = new HashMap<>();
        for (TopicPartition tp : consumer.assignment()) {
            next.put(tp, new OffsetAndMetadata(consumer.position(tp)));
        }
        if (!next.equals(lastCommitted)) {
            try {
                consumer.commitSync(next);
                lastCommitted = next;
            } catch (CommitFailedException e) {
                // The partitions moved to another member, which replays from the last commit: versions make that harmless.
                LOG.info("Offsets not committed, the group rebalanced: {}", e.getMessage());
            }
        }
        if (backingOff) {
            LOG.info("OpenSearch accepts writes again; resuming consumption");
            backingOff = false;
            consumer.resume(consumer.paused());
            state(caughtUp() ? "RUNNING" : "CATCHING_UP");
        }
    }

    /** Caught up once this member's partitions reached the ends they had when the feeder started. */
    private void checkCaughtUp() {
        if (!joined) {
            return;
        }
        Set<TopicPartition> owned = consumer.assignment();
        boolean reached = catchUpTarget().endOffsets().entrySet().stream()
                .filter(end -> owned.contains(end.getKey()))
                .allMatch(end -> consumer.position(end.getKey()) >= end.getValue());
        if (reached) {
            caughtUpNow();
            LOG.info("OpenSearch store caught up with {} ({} partitions here)", topic, owned.size());
        }
    }

    private static Counter counter(MeterRegistry registry, String outcome) {
        return Counter.builder("kamerstroom_opensearch_records_total")
                .description("Records of documents.index written to OpenSearch, by outcome")
                .tag("outcome", outcome)
                .register(registry);
    }

    /** Keeps the pending records and the pause in step with the partitions this member owns. */
    private final class Rebalance implements ConsumerRebalanceListener {
        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            pending.removeIf(record -> partitions.contains(new TopicPartition(record.topic(), record.partition())));
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            joined = true;
            if (backingOff) {
                consumer.pause(partitions);
            }
        }
    }
}
