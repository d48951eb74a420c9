package nl.kamerstroom.index.topic;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import nl.kamerstroom.common.http.Health;
import nl.kamerstroom.common.kafka.ExactlyOnceStreams;
import nl.kamerstroom.index.IndexConfig;
import nl.kamerstroom.topic.Topics;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs {@link IndexTopology} with exactly-once processing and reports its state. */
public final class IndexTopicStream implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(IndexTopicStream.class);
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    /** Each hop of a document waits for its transaction's commit: this adds up to 100 ms to drop-to-searchable. */
    static final Duration COMMIT_INTERVAL = Duration.ofMillis(100);

    private final KafkaStreams streams;
    private final KafkaStreamsMetrics metrics;
    private final CountDownLatch running = new CountDownLatch(1);

    public IndexTopicStream(IndexConfig config, Topics topics, Clock clock, MeterRegistry registry) {
        streams = new KafkaStreams(IndexTopology.build(topics.enriched, topics.index, topics.deadLetters,
                new IndexDocumentMapper(clock), config.kafka().instanceId(), registry), properties(config));
        // What reaches here is not a bad record (those are dead letters) but e.g. the registry
        // being away: a new thread retries the task from its last commit.
        streams.setUncaughtExceptionHandler(error -> {
            LOG.error("Index topology thread failed; replacing it", error);
            return StreamThreadExceptionResponse.REPLACE_THREAD;
        });
        streams.setStateListener((now, before) -> {
            LOG.info("Index topology {} -> {}", before, now);
            if (now == KafkaStreams.State.RUNNING) {
                running.countDown();
            }
        });
        metrics = new KafkaStreamsMetrics(streams);
        metrics.bindTo(registry);
    }

    /** Starts the topology and returns once it is RUNNING. */
    public void start() throws InterruptedException {
        streams.start();
        if (!running.await(START_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException("Index topology not RUNNING after " + START_TIMEOUT.toSeconds()
                    + " s (state " + streams.state() + "); is the broker at the configured address?");
        }
    }

    /** Up while running or rebalancing (a rebalance is routine, not a fault). */
    public Health health() {
        KafkaStreams.State state = streams.state();
        boolean up = state == KafkaStreams.State.RUNNING || state == KafkaStreams.State.REBALANCING;
        return new Health(up, state.name(), Map.of());
    }

    @Override
    public void close() {
        metrics.close();
        // Static members leave explicitly, so the partitions move to the others at once.
        streams.close(new KafkaStreams.CloseOptions().timeout(Duration.ofSeconds(10)).leaveGroup(true));
    }

    static Properties properties(IndexConfig config) {
        Properties props = ExactlyOnceStreams.properties(config.kafka(), config.applicationId(), COMMIT_INTERVAL,
                Topics.MAX_MESSAGE_BYTES);
        props.put(StreamsConfig.consumerPrefix(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG), staticMemberId(config));
        props.put(StreamsConfig.STATE_DIR_CONFIG, config.streamsStateDir().toAbsolutePath().toString());
        return props;
    }

    /**
     * Static membership: a restarted instance takes its partitions back without a rebalance (a
     * dynamic member would first wait out its predecessor's 45 s session). The id must be unique
     * among running instances (a duplicate is fenced) and stable across restarts: INSTANCE_ID
     * defaults to the host name, so the data directory, which no two instances can share (Lucene
     * locks it), tells instances on one host apart.
     */
    static String staticMemberId(IndexConfig config) {
        String dir = config.dataDir().toAbsolutePath().normalize().toString();
        return config.applicationId() + "-" + config.kafka().instanceId() + "-" + Integer.toHexString(dir.hashCode());
    }
}
