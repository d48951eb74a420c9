package nl.kamerstroom.index;

import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import nl.kamerstroom.common.http.Health;
import nl.kamerstroom.common.http.HttpServer;
import nl.kamerstroom.common.http.ServiceMetrics;
import nl.kamerstroom.common.kafka.KafkaClients;
import nl.kamerstroom.common.lifecycle.Service;
import nl.kamerstroom.index.api.EntityApi;
import nl.kamerstroom.index.api.SearchApi;
import nl.kamerstroom.index.operator.OperatorView;
import nl.kamerstroom.index.search.DocumentSearch;
import nl.kamerstroom.index.search.EntitySearch;
import nl.kamerstroom.index.store.FeedPolicy;
import nl.kamerstroom.index.store.IndexFeeder;
import nl.kamerstroom.index.store.SearchIndex;
import nl.kamerstroom.index.store.StoreDeadLetters;
import nl.kamerstroom.index.store.StoreMetrics;
import nl.kamerstroom.index.topic.IndexTopicStream;
import nl.kamerstroom.index.web.WebPage;
import nl.kamerstroom.topic.TopicCreator;
import nl.kamerstroom.topic.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.lucene.store.LockObtainFailedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The index-service: the documents.enriched → documents.index topology, the Lucene store fed
 * from documents.index, and the HTTP API and search page over that store.
 */
public final class IndexService implements Service {

    private static final Logger LOG = LoggerFactory.getLogger(IndexService.class);
    private static final Duration ADMIN_CLOSE_TIMEOUT = Duration.ofSeconds(5);
    private static final Supplier<Health> NO_PIPELINE = () -> Health.up("NOT_CHECKED", Map.of());

    private final IndexConfig config;
    private final Supplier<Health> pipelineHealth;
    private final Topics topics;
    private final PrometheusMeterRegistry registry = ServiceMetrics.create("index");
    private final List<AutoCloseable> started = new ArrayList<>();
    private volatile IndexFeeder feeder;
    private volatile IndexTopicStream stream;
    private volatile HttpServer http;
    private boolean closed;

    public IndexService(IndexConfig config) {
        this(config, NO_PIPELINE);
    }

    /** @param pipelineHealth the other parts of the pipeline (single-machine mode); /api/health needs them up too */
    public IndexService(IndexConfig config, Supplier<Health> pipelineHealth) {
        this.config = config;
        this.pipelineHealth = pipelineHealth;
        this.topics = Topics.create(config.kafka().serdeConfig());
    }

    @Override
    public String name() {
        return "index";
    }

    /**
     * Starts the store, the API, the feeder and the topology, or, when any of them cannot start,
     * stops what did and throws one exception saying why: no thread of a failed start lingers.
     * The parts that fail fast without the broker (index folder, HTTP port) go first.
     */
    @Override
    public synchronized void start() throws Exception {
        try {
            startParts();
        } catch (Exception e) {
            close();
            throw new IllegalStateException("index-service could not start: " + e.getMessage(), e);
        }
    }

    private void startParts() throws Exception {
        SearchIndex index = openIndex();
        started.add(index);
        SearchApi api = new SearchApi(new DocumentSearch(index, config.queryTimeout()), this::health, registry);
        EntityApi entities = new EntityApi(new EntitySearch(index));
        OperatorView operator = new OperatorView(config.operator(), config.kafka(), topics, this::health,
                registry::scrape, Clock.systemUTC());
        started.add(operator);
        operator.start();
        WebPage page = new WebPage();
        http = api.routes(HttpServer.builder(config.http()))
                .route(EntityApi.PATH, entities::answer)
                .route("/api/operator", operator::answer)
                .health(this::health)
                .metrics(registry)
                .route("/", page::answer)
                .start();
        started.add(http);
        Admin admin = Admin.create(KafkaClients.admin(config.kafka(), "index-admin"));
        try {
            TopicCreator.ensure(admin, List.of(topics.enriched, topics.index, topics.deadLetters, topics.indexDeadLetters),
                    config.kafka().topicPartitions(), config.kafka().topicReplicationFactor());
        } finally {
            // Without a broker a plain close() would wait out the pending call's 60 s API timeout.
            admin.close(ADMIN_CLOSE_TIMEOUT);
        }
        StoreDeadLetters deadLetters = new StoreDeadLetters(deadLetterProducer(), topics.indexDeadLetters.name(),
                config.kafka().instanceId(), registry);
        started.add(deadLetters);
        feeder = new IndexFeeder(storeConsumer(), topics.index.valueSerde().deserializer(), topics.index.name(), index,
                deadLetters, new FeedPolicy(config.commitInterval(), config.commitDocs(), config.refreshInterval()),
                new StoreMetrics(registry, index), Clock.systemUTC());
        started.add(feeder);
        feeder.start();
        stream = new IndexTopicStream(config, topics, Clock.systemUTC(), registry);
        started.add(stream);
        stream.start();
        LOG.info("Index service started: index in {}, search on http://{}:{}/", config.luceneDir().toAbsolutePath(),
                config.http().bindAddress(), http.port());
    }

    /** Two instances cannot share one index folder: Lucene's write.lock says so, this says which setting to change. */
    private SearchIndex openIndex() throws IOException {
        try {
            return SearchIndex.open(config.luceneDir());
        } catch (LockObtainFailedException e) {
            throw new IllegalStateException("the index folder " + config.luceneDir().toAbsolutePath()
                    + " is in use by another index-service instance; give each instance its own "
                    + IndexConfig.INDEX_DIR.name(), e);
        }
    }

    /** Up when the store has caught up with the topic, the topology runs and the rest of the pipeline is up. */
    @Override
    public Health health() {
        IndexFeeder f = feeder;
        IndexTopicStream s = stream;
        if (f == null || s == null) {
            return Health.down("STARTING", Map.of());
        }
        Health store = f.health();
        Health topology = s.health();
        Health pipeline = pipelineHealth.get();
        boolean up = store.up() && topology.up() && pipeline.up();
        String status = !store.up() ? store.status() : !topology.up() ? topology.status()
                : !pipeline.up() ? "PIPELINE_" + pipeline.status() : "RUNNING";
        return new Health(up, status, Map.of("store", store, "topology", topology, "pipeline", pipeline));
    }

    /** The port the API listens on (useful with HTTP_PORT=0). */
    public int httpPort() {
        return http.port();
    }

    /** Closes the topology, the feeder (which commits), the HTTP server and the index: the reverse of start. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (int i = started.size() - 1; i >= 0; i--) {
            try {
                started.get(i).close();
            } catch (Exception e) {
                LOG.warn("Error while closing {}", started.get(i), e);
            }
        }
        registry.close();
    }

    private KafkaProducer<byte[], byte[]> deadLetterProducer() {
        return new KafkaProducer<>(KafkaClients.documentProducer(config.kafka(), "index-store-dlq"), new ByteArraySerializer(),
                new ByteArraySerializer());
    }

    private KafkaConsumer<byte[], byte[]> storeConsumer() {
        // The group is for dashboards only (see IndexFeeder.commit); per instance, because every
        // replica consumes every partition and shared group offsets would mix their positions.
        String group = config.storeGroupId() + "-" + config.kafka().instanceId();
        Map<String, Object> props = KafkaClients.committedReader(config.kafka(), "index-store", group);
        // Bytes: the feeder decodes, so a record it cannot decode reaches the dead-letter topic as it was.
        KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(),
                new ByteArrayDeserializer());
        KafkaClientMetrics metrics = new KafkaClientMetrics(consumer);
        metrics.bindTo(registry);
        started.add(metrics);
        return consumer;
    }
}
