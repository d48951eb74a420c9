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
import nl.kamerstroom.index.api.SearchApi;
import nl.kamerstroom.index.opensearch.DocumentsIndex;
import nl.kamerstroom.index.opensearch.OpenSearchConfig;
import nl.kamerstroom.index.opensearch.OpenSearchConnection;
import nl.kamerstroom.index.opensearch.OpenSearchFeeder;
import nl.kamerstroom.index.opensearch.OpenSearchSearch;
import nl.kamerstroom.index.operator.OperatorView;
import nl.kamerstroom.index.search.DocumentSearch;
import nl.kamerstroom.index.search.SearchStore;
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
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.lucene.store.LockObtainFailedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The index-service: the documents.enriched → documents.index topology, the store fed from
 * documents.index (Lucene on local disk, or OpenSearch with {@code INDEX_STORE=opensearch}), and
 * the HTTP API and search page over that store.
 */
public final class IndexService implements Service {

    private static final Logger LOG = LoggerFactory.getLogger(IndexService.class);
    private static final Duration ADMIN_CLOSE_TIMEOUT = Duration.ofSeconds(1);
    private static final Supplier<Health> NO_PIPELINE = () -> Health.up("NOT_CHECKED", Map.of());

    private final IndexConfig config;
    private final Supplier<Health> pipelineHealth;
    private final Topics topics;
    private final PrometheusMeterRegistry registry = ServiceMetrics.create("index");
    private final List<AutoCloseable> started = new ArrayList<>();
    private volatile Supplier<Health> storeHealth;
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
        SearchIndex lucene = null;
        DocumentsIndex openSearch = null;
        SearchStore store;
        if (config.store() == IndexStore.OPENSEARCH) {
            openSearch = openSearchIndex();
            store = new OpenSearchSearch(openSearch, config.queryTimeout());
        } else {
            lucene = openIndex();
            started.add(lucene);
            store = new DocumentSearch(lucene, config.queryTimeout());
        }
        SearchApi api = new SearchApi(store, this::health, registry);
        OperatorView operator = new OperatorView(config.operator(), config.kafka(), topics, this::health,
                registry::scrape, Clock.systemUTC());
        started.add(operator);
        operator.start();
        WebPage page = new WebPage();
        HttpServer.Builder routes = api.routes(HttpServer.builder(config.http()))
                .route("/api/operator", operator::answer)
                .health(this::health)
                .metrics(registry)
                .route("/", page::answer);
        http = routes.start();
        started.add(http);
        ensureTopics();
        if (lucene != null) {
            startLuceneFeeder(lucene);
        } else {
            startOpenSearchFeeder(openSearch);
        }
        stream = new IndexTopicStream(config, topics, Clock.systemUTC(), registry);
        started.add(stream);
        stream.start();
        LOG.info("Index service started: {}, search on http://{}:{}/", lucene == null
                ? "OpenSearch index " + config.openSearch().index() + " at " + config.openSearch().url()
                : "index in " + config.luceneDir().toAbsolutePath(), config.http().bindAddress(), http.port());
    }

    private void ensureTopics() throws Exception {
        Admin admin = Admin.create(KafkaClients.admin(config.kafka(), "index-admin"));
        try {
            TopicCreator.ensure(admin, List.of(topics.enriched, topics.index, topics.deadLetters, topics.indexDeadLetters),
                    config.kafka().topicPartitions(), config.kafka().topicReplicationFactor(),
                    config.kafka().topicCreationTimeout());
        } finally {
            // Without a broker a plain close() would wait out the pending call's 60 s API timeout; when
            // ensure() returned nothing is pending, and when it gave up the call is abandoned (as enrich does).
            admin.close(ADMIN_CLOSE_TIMEOUT);
        }
    }

    private void startLuceneFeeder(SearchIndex index) {
        StoreDeadLetters deadLetters = storeDeadLetters();
        // The group is for dashboards only (see IndexFeeder.commit); per instance, because every
        // replica consumes every partition and shared group offsets would mix their positions.
        String group = config.storeGroupId() + "-" + config.kafka().instanceId();
        // Bytes: the feeder decodes, so a record it cannot decode reaches the dead-letter topic as it was.
        IndexFeeder feeder = new IndexFeeder(storeConsumer("index-store", group, IndexFeeder.MAX_POLL_RECORDS,
                new ByteArrayDeserializer(), new ByteArrayDeserializer()), topics.index.valueSerde().deserializer(),
                topics.index.name(), index, deadLetters,
                new FeedPolicy(config.commitInterval(), config.commitDocs(), config.refreshInterval()),
                new StoreMetrics(registry, index), Clock.systemUTC());
        started.add(feeder);
        feeder.start();
        storeHealth = feeder::health;
    }

    /** OpenSearch's index, created with the mapping when absent; a mapping that does not fit stops the start. */
    private DocumentsIndex openSearchIndex() throws IOException {
        OpenSearchConfig openSearch = config.openSearch();
        OpenSearchConnection connection = OpenSearchConnection.open(openSearch.url());
        started.add(connection);
        return DocumentsIndex.ensure(connection, openSearch);
    }

    /** OpenSearch as the README tells any downstream store to read documents.index: a consumer group of its own. */
    private void startOpenSearchFeeder(DocumentsIndex index) {
        OpenSearchFeeder feeder = new OpenSearchFeeder(storeConsumer("opensearch-store", config.openSearch().groupId(),
                ConsumerConfig.DEFAULT_MAX_POLL_RECORDS, topics.index.keySerde().deserializer(),
                topics.index.valueSerde().deserializer()),
                topics.index.name(), index, storeDeadLetters(), registry);
        started.add(feeder);
        feeder.start();
        storeHealth = feeder::health;
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
        Supplier<Health> storeHealth = this.storeHealth;
        IndexTopicStream s = stream;
        if (storeHealth == null || s == null) {
            return Health.down("STARTING", Map.of());
        }
        Health store = storeHealth.get();
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

    /** Where either store puts records of documents.index it cannot decode or index. */
    private StoreDeadLetters storeDeadLetters() {
        StoreDeadLetters deadLetters = new StoreDeadLetters(new KafkaProducer<>(KafkaClients.documentProducer(
                config.kafka(), "index-store-dlq"), new ByteArraySerializer(), new ByteArraySerializer()),
                topics.indexDeadLetters.name(), config.kafka().instanceId(), registry);
        started.add(deadLetters);
        return deadLetters;
    }

    private <K, V> KafkaConsumer<K, V> storeConsumer(String clientId, String group, int maxPollRecords,
                                                     Deserializer<K> keys, Deserializer<V> values) {
        Map<String, Object> props = KafkaClients.committedReader(config.kafka(), clientId, group);
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, maxPollRecords);
        KafkaConsumer<K, V> consumer = new KafkaConsumer<>(props, keys, values);
        KafkaClientMetrics metrics = new KafkaClientMetrics(consumer);
        metrics.bindTo(registry);
        started.add(metrics);
        return consumer;
    }
}
