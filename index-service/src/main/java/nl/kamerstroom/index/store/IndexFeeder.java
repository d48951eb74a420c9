package nl.kamerstroom.index.store;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.kamerstroom.schema.IndexDocument;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Deserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Feeds the search index from the compacted index topic, exactly once.
 *
 * <p>It assigns itself every partition (no group membership: every replica holds the whole
 * index), seeks to the positions stored in the last Lucene commit, or to the beginning for a
 * new index, and applies records as idempotent upserts and deletes. Documents and positions
 * are committed together, so a crash at any point resumes from positions that match the index.
 *
 * <p>A record it cannot index (no key, bytes that are not an {@code IndexDocument}, a document
 * Lucene refuses) goes to the store's dead-letter topic and the feeder goes on with the next
 * one; the next commit, made at once, carries the position past it, so a restart does not
 * replay it. The dead letter is written before that commit: a crash in between writes it once
 * more (at least once). When the record is not at fault (the registry or the dead-letter topic
 * unreachable) the feeder stops at it and tries again after {@link #RETRY_PAUSE}.
 */
public final class IndexFeeder extends StoreFeeder<byte[], byte[]> {

    private static final Logger LOG = LoggerFactory.getLogger(IndexFeeder.class);
    private static final Duration POLL_TIMEOUT = Duration.ofMillis(100);
    /**
     * While rebuilding, nobody waits for the newest document (health says 503), so the searcher
     * is refreshed only now and then to show progress (measured on a 10,000-document rebuild:
     * 4.2 CPU ms per document refreshing every 200 ms, 3.9 every 5 s).
     */
    private static final Duration CATCH_UP_REFRESH = Duration.ofSeconds(5);
    /**
     * While records wait in the topic beyond the last poll (a burst), the newest documents are
     * not even indexed yet, so refreshing every refresh interval mostly opens searchers nobody
     * waits for, and flushes small segments that merges then rewrite. Refreshing this many times
     * less often while behind keeps a steady trickle (never behind after its poll) as fresh as before.
     */
    static final int BEHIND_REFRESH_FACTOR = 5;
    /**
     * A poll decodes every record it returns at once, and fetch limits count compressed bytes: a
     * poll of the default 500 held nine texts of 10 million characters (108 MB) in a heap dump
     * of a burst of them. A few records per poll bound that; polls are cheap next to indexing.
     */
    public static final int MAX_POLL_RECORDS = 4;
    static final Duration RETRY_PAUSE = Duration.ofSeconds(1);

    private final SearchIndex index;
    private final RecordApplier applier;
    private final FeedPolicy policy;
    private final StoreMetrics metrics;
    private final Clock clock;

    private List<TopicPartition> partitions = List.of();
    private Map<TopicPartition, Long> committed = Map.of();
    private Map<TopicPartition, Long> polled = Map.of();
    private int uncommittedChanges;
    private boolean uncommittedDeadLetters;
    private boolean unrefreshedChanges;
    private Instant lastCommit;
    private Instant lastRefresh;
    private FeedProgress progress;

    public IndexFeeder(Consumer<byte[], byte[]> consumer, Deserializer<IndexDocument> documents, String topic,
                       SearchIndex index, StoreDeadLetters deadLetters, FeedPolicy policy, StoreMetrics metrics,
                       Clock clock) {
        super(consumer, topic, "index-feeder");
        this.index = index;
        this.applier = new RecordApplier(documents, index, deadLetters, metrics);
        this.policy = policy;
        this.metrics = metrics;
        this.clock = clock;
    }

    /** Every partition, each from the position in the last Lucene commit, or from the beginning. */
    @Override
    protected void begin(List<TopicPartition> partitions) throws IOException {
        this.partitions = partitions;
        consumer.assign(partitions);
        committed = index.committedPositions();
        for (TopicPartition tp : partitions) {
            Long position = committed.get(tp);
            if (position == null) {
                consumer.seekToBeginning(List.of(tp));
            } else {
                consumer.seek(tp, position);
            }
        }
        if (committed.isEmpty()) {
            LOG.info("Index is empty: rebuilding it from the beginning of {}", topic);
        } else {
            LOG.info("Index resumes from the positions in its last commit: {}", committed);
        }
        lastCommit = lastRefresh = clock.instant();
        progress = new FeedProgress(lastCommit);
    }

    @Override
    protected void feed() throws IOException, InterruptedException {
        ConsumerRecords<byte[], byte[]> records = consumer.poll(POLL_TIMEOUT);
        boolean retry = false;
        for (TopicPartition tp : records.partitions()) {
            for (ConsumerRecord<byte[], byte[]> record : records.records(tp)) {
                RecordApplier.Outcome outcome = applier.apply(record);
                if (outcome == RecordApplier.Outcome.RETRY_LATER) {
                    // Read it (and what follows in this partition) again on a later poll.
                    consumer.seek(tp, record.offset());
                    retry = true;
                    break;
                }
                if (outcome == RecordApplier.Outcome.DEAD_LETTERED) {
                    uncommittedDeadLetters = true;
                } else {
                    uncommittedChanges++;
                    unrefreshedChanges = true;
                    progress.changed();
                }
            }
        }
        Instant now = clock.instant();
        long lag = lag();
        if (unrefreshedChanges && elapsed(lastRefresh, now, refreshInterval(lag))) {
            refresh(now);
        }
        Map<TopicPartition, Long> positions = positions();
        polled = positions;
        if (uncommittedChanges >= policy.commitDocs() || uncommittedDeadLetters
                || (!positions.equals(committed) && elapsed(lastCommit, now, policy.commitInterval()))) {
            commit(positions, now);
        }
        if (!caughtUp() && catchUpTarget().reachedBy(positions)) {
            refresh(now);
            caughtUpNow();
            LOG.info("Index caught up with {}: {} documents", topic, index.documentCount());
        }
        metrics.lag(lag);
        progress.maybeLog(now, index::documentCount);
        if (retry) {
            pause(RETRY_PAUSE);
        }
    }

    private Duration refreshInterval(long lag) {
        if (!caughtUp()) {
            return CATCH_UP_REFRESH;
        }
        return lag > 0 ? policy.refreshInterval().multipliedBy(BEHIND_REFRESH_FACTOR) : policy.refreshInterval();
    }

    private void refresh(Instant now) throws IOException {
        index.refresh();
        metrics.refreshes.increment();
        unrefreshedChanges = false;
        lastRefresh = now;
    }

    /**
     * Lucene first: the offsets in its commit are the truth. The group commit afterwards only
     * lets dashboards and kafka-consumer-groups show this replica's lag; it is never read back.
     */
    private void commit(Map<TopicPartition, Long> positions, Instant now) throws IOException {
        index.commit(positions);
        metrics.commits.increment();
        committed = positions;
        uncommittedChanges = 0;
        uncommittedDeadLetters = false;
        lastCommit = now;
        Map<TopicPartition, OffsetAndMetadata> forDashboards = new HashMap<>();
        positions.forEach((tp, offset) -> forDashboards.put(tp, new OffsetAndMetadata(offset)));
        consumer.commitAsync(forDashboards, (offsets, error) -> {
            if (error != null) {
                LOG.debug("Could not report index position to the consumer group: {}", error.getMessage());
            }
        });
    }

    /** On the way out: commits what the last complete poll applied (not the consumer, which may be woken up). */
    @Override
    protected void finish() {
        try {
            if (!polled.isEmpty() && !polled.equals(committed)) {
                index.commit(polled);
                committed = polled;
            }
        } catch (Exception e) {
            LOG.warn("Final index commit failed; the next start replays from the previous commit", e);
        }
    }

    private Map<TopicPartition, Long> positions() {
        Map<TopicPartition, Long> positions = new HashMap<>();
        for (TopicPartition tp : partitions) {
            positions.put(tp, consumer.position(tp));
        }
        return positions;
    }

    private long lag() {
        long total = 0;
        for (TopicPartition tp : partitions) {
            total += consumer.currentLag(tp).orElse(0);
        }
        return total;
    }

    private static boolean elapsed(Instant since, Instant now, Duration interval) {
        return Duration.between(since, now).compareTo(interval) >= 0;
    }
}
