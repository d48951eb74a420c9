package nl.kamerstroom.enrich;

import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import nl.kamerstroom.common.http.Health;
import nl.kamerstroom.common.http.HttpServer;
import nl.kamerstroom.common.http.ServiceMetrics;
import nl.kamerstroom.common.kafka.KafkaClients;
import nl.kamerstroom.common.lifecycle.Service;
import nl.kamerstroom.enrich.errors.DeadLetterPublisher;
import nl.kamerstroom.enrich.metrics.EnrichMetrics;
import nl.kamerstroom.enrich.metrics.ProgressLog;
import nl.kamerstroom.enrich.streams.StreamsHealth;
import nl.kamerstroom.enrich.streams.StreamsProperties;
import nl.kamerstroom.enrich.topology.EnrichTopology;
import nl.kamerstroom.enrich.topology.TextExtractor;
import nl.kamerstroom.extraction.EntityExtractor;
import nl.kamerstroom.topic.TopicCreator;
import nl.kamerstroom.topic.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.StreamsException;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The enrich-service: creates its topics, runs the {@link EnrichTopology} under exactly-once,
 * and serves {@code /health} (from the Streams state) and {@code /metrics} (Kafka Streams
 * metrics plus the service's own counters).
 */
public final class EnrichService implements Service {

    private static final Logger LOG = LoggerFactory.getLogger(EnrichService.class);
    private static final String NAME = "enrich";
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration ADMIN_CLOSE_TIMEOUT = Duration.ofSeconds(1);
    private static final int DEAD_LETTER_HEADROOM = 256 * 1024;

    private final EnrichConfig config;
    private final TextExtractor extractor;
    private final Clock clock;
    private final PrometheusMeterRegistry registry = ServiceMetrics.create(NAME);
    private final EnrichMetrics metrics = new EnrichMetrics(registry);
    private final StreamsHealth health;
    private Producer<byte[], byte[]> deadLetterProducer;
    private KafkaStreams streams;
    private KafkaStreamsMetrics streamsMetrics;
    private HttpServer http;
    private ProgressLog progress;
    private boolean closed;

    public EnrichService(EnrichConfig config) {
        this(config, EntityExtractor.create()::extract, Clock.systemUTC());
    }

    /** A service with another extractor or clock (tests, benchmarks). */
    public EnrichService(EnrichConfig config, TextExtractor extractor, Clock clock) {
        this.config = config;
        this.extractor = extractor;
        this.clock = clock;
        this.health = new StreamsHealth(clock);
    }

    @Override
    public String name() {
        return NAME;
    }

    /**
     * Starts the service and returns once Kafka Streams is RUNNING. When any step fails, what was
     * already started is closed before the failure is thrown, so no thread is left behind.
     */
    @Override
    public synchronized void start() throws IOException, InterruptedException {
        try {
            startParts();
        } catch (IOException | InterruptedException | RuntimeException | Error e) {
            close();
            throw e;
        }
    }

    private void startParts() throws IOException, InterruptedException {
        // The HTTP port first: taken, it fails the start at once (naming HTTP_PORT) rather than after
        // the broker round trips.
        http = HttpServer.builder(config.http()).health(this::health).metrics(registry).start();
        Topics topics = Topics.create(config.kafka().serdeConfig());
        createTopics(topics);
        Map<String, Object> deadLetterProps = KafkaClients.documentProducer(config.kafka(), "enrich-dlq");
        // A dead letter is an input of up to 16 MiB plus error headers; compressed it still fits the topic.
        deadLetterProps.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, Topics.MAX_MESSAGE_BYTES + DEAD_LETTER_HEADROOM);
        deadLetterProducer = new KafkaProducer<>(deadLetterProps, new ByteArraySerializer(), new ByteArraySerializer());
        DeadLetterPublisher deadLetters = new DeadLetterPublisher(deadLetterProducer, topics.deadLetters.name(),
                "enrich-service", config.kafka().instanceId(), metrics);

        streams = newStreams(EnrichTopology.build(config, topics, extractor, metrics, clock),
                StreamsProperties.of(config, deadLetters));
        streams.setStateListener(health);
        streams.setUncaughtExceptionHandler(error -> {
            // Poison records never get here (the exception handlers send them to the DLQ); this is
            // an unexpected failure, e.g. a state store error. A new thread resumes from the last commit.
            LOG.error("Stream thread failed; replacing it", error);
            metrics.threadReplaced();
            return StreamThreadExceptionResponse.REPLACE_THREAD;
        });
        streamsMetrics = new KafkaStreamsMetrics(streams);
        streamsMetrics.bindTo(registry);

        streams.start();
        if (!health.awaitRunning(config.startupTimeout())) {
            throw new IllegalStateException("Kafka Streams did not reach RUNNING within " + config.startupTimeout()
                    + " (state " + health.state() + "); is the broker at " + config.kafka().bootstrapServers()
                    + " reachable? (STARTUP_TIMEOUT)");
        }
        progress = ProgressLog.start(metrics, config.progressInterval());
        LOG.info("enrich-service started: {} -> {}, {}, {} ({} stream threads, exactly-once, HTTP port {}, state {})",
                topics.ingested, topics.enriched, topics.entityMentions, topics.entityCounts,
                config.streamThreads(), http.port(), config.instanceStateDir());
    }

    /** The first call to the broker: when it does not answer, this is where the start fails, with its address. */
    private void createTopics(Topics topics) throws InterruptedException {
        Admin admin = Admin.create(KafkaClients.admin(config.kafka(), "enrich-admin"));
        try {
            TopicCreator.ensure(admin, List.of(topics.ingested, topics.enriched, topics.deadLetters,
                    topics.entityMentions, topics.entityCounts),
                    config.kafka().topicPartitions(), config.kafka().topicReplicationFactor(),
                    config.kafka().topicCreationTimeout());
            warnUnlessCompacted(admin, topics.enriched.name());
        } catch (KafkaException e) {
            throw new IllegalStateException("the Kafka broker at " + config.kafka().bootstrapServers()
                    + " (KAFKA_BOOTSTRAP_SERVERS) did not answer", e);
        } finally {
            // close() without a timeout would wait out the admin's pending calls to an unreachable broker.
            admin.close(ADMIN_CLOSE_TIMEOUT);
        }
    }

    /**
     * Kafka Streams locks its state directory; a second instance on the same one fails here. Its own
     * message does not say which setting to change.
     */
    private KafkaStreams newStreams(Topology topology, Properties properties) {
        try {
            return new KafkaStreams(topology, properties);
        } catch (StreamsException e) {
            if (e.getMessage() != null && e.getMessage().contains("same state directory")) {
                throw new IllegalStateException("the state directory " + config.instanceStateDir()
                        + " is locked by another enrich instance; give every instance its own INSTANCE_ID "
                        + "(state lives in STATE_DIR/INSTANCE_ID) or its own STATE_DIR", e);
            }
            throw e;
        }
    }

    /**
     * documents.enriched is compacted since it became the source `kamerstroom reprocess` reads;
     * a topic created by an older version still deletes after 30 days. Changing a topic's
     * cleanup policy is the operator's call, so this only says how.
     */
    private static void warnUnlessCompacted(Admin admin, String topic) throws InterruptedException {
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        try {
            Config topicConfig = admin.describeConfigs(List.of(resource)).all().get(30, TimeUnit.SECONDS).get(resource);
            ConfigEntry policy = topicConfig.get(TopicConfig.CLEANUP_POLICY_CONFIG);
            if (policy != null && !policy.value().contains(TopicConfig.CLEANUP_POLICY_COMPACT)) {
                LOG.warn("{} has cleanup.policy={}: documents older than its retention cannot be reprocessed. Make it "
                        + "compacted: kafka-configs.sh --alter --entity-type topics --entity-name {} --add-config "
                        + "cleanup.policy=compact", topic, policy.value(), topic);
            }
        } catch (ExecutionException | TimeoutException e) {
            LOG.warn("Could not read the settings of {}: {}", topic, e.getMessage());
        }
    }

    @Override
    public Health health() {
        return health.health();
    }

    /** The port /health and /metrics are served on (useful when HTTP_PORT is 0). */
    public int httpPort() {
        return http.port();
    }

    public PrometheusMeterRegistry meterRegistry() {
        return registry;
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (progress != null) {
            progress.close();
        }
        if (streams != null) {
            streams.close(CLOSE_TIMEOUT);
        }
        if (streamsMetrics != null) {
            streamsMetrics.close();
        }
        if (deadLetterProducer != null) {
            deadLetterProducer.close(CLOSE_TIMEOUT);
        }
        if (http != null) {
            http.close();
        }
        LOG.info("enrich-service stopped");
    }
}
