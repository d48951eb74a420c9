package nl.kamerstroom.index;

import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.time.Clock;
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
import nl.kamerstroom.index.search.DocumentSearch;
import nl.kamerstroom.index.search.SearchStore;
import nl.kamerstroom.index.store.FeedPolicy;
import nl.kamerstroom.index.store.IndexFeeder;
import nl.kamerstroom.index.store.SearchIndex;
import nl.kamerstroom.index.store.StoreMetrics;
import nl.kamerstroom.index.topic.IndexTopicStream;
import nl.kamerstroom.index.web.WebPage;
import nl.kamerstroom.schema.IndexDocument;
import nl.kamerstroom.topic.TopicCreator;
import nl.kamerstroom.topic.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The index-service: the documents.enriched → documents.index topology, the store fed from
 * documents.index (Lucene on local disk, or OpenSearch with {@code INDEX_STORE=opensearch}), and
 * the HTTP API and search page over that store.
 */
public final class IndexService implements Service {

    private static final Logger LOG = LoggerFactory.getLogger(IndexService.class);
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

    @Override
    public synchronized void start() throws Exception {
        try (Admin admin = Admin.create(KafkaClients.admin(config.kafka(), "index-admin"))) {
            TopicCreator.ensure(admin, List.of(topics.enriched, topics.index), config.kafka().topicPartitions(),
                    config.kafka().topicReplicationFactor());
        }
        SearchStore store = config.store() == IndexStore.OPENSEARCH ? startOpenSearch() : startLucene();
        stream = new IndexTopicStream(config, topics, Clock.systemUTC(), registry);
        started.add(stream);
        stream.start();
        SearchApi api = new SearchApi(store, this::health, registry);
        WebPage page = new WebPage();
        http = api.routes(HttpServer.builder(config.http()))
                .health(this::health)
                .metrics(registry)
                .route("/", page::answer)
                .start();
        started.add(http);
        LOG.info("Index service started: {}, search on http://{}:{}/", config.store() == IndexStore.OPENSEARCH
                ? "OpenSearch index " + config.openSearch().index() + " at " + config.openSearch().url()
                : "index in " + config.luceneDir().toAbsolutePath(), config.http().bindAddress(), http.port());
    }

    private SearchStore startLucene() throws IOException {
        SearchIndex index = SearchIndex.open(config.luceneDir());
        started.add(index);
        // The group is for dashboards only (see IndexFeeder.commit); per instance, because every
        // replica consumes every partition and shared group offsets would mix their positions.
        String group = config.storeGroupId() + "-" + config.kafka().instanceId();
        IndexFeeder lucene = new IndexFeeder(storeConsumer("index-store", group), topics.index.name(), index,
                new FeedPolicy(config.commitInterval(), config.commitDocs(), config.refreshInterval()),
                new StoreMetrics(registry, index), Clock.systemUTC());
        started.add(lucene);
        lucene.start();
        storeHealth = lucene::health;
        return new DocumentSearch(index);
    }

    /** OpenSearch as the README tells any downstream store to read documents.index: a consumer group of its own. */
    private SearchStore startOpenSearch() throws IOException {
        OpenSearchConfig openSearch = config.openSearch();
        OpenSearchConnection connection = OpenSearchConnection.open(openSearch.url());
        started.add(connection);
        DocumentsIndex index = DocumentsIndex.ensure(connection, openSearch);
        OpenSearchFeeder openSearchFeeder = new OpenSearchFeeder(storeConsumer("opensearch-store", openSearch.groupId()),
                topics.index.name(), index, registry);
        started.add(openSearchFeeder);
        openSearchFeeder.start();
        storeHealth = openSearchFeeder::health;
        return new OpenSearchSearch(index);
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

    /** Closes the HTTP server, the topology, the feeder (which commits) and the index, in that order. */
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

    private KafkaConsumer<String, IndexDocument> storeConsumer(String clientId, String group) {
        Map<String, Object> props = KafkaClients.committedReader(config.kafka(), clientId, group);
        KafkaConsumer<String, IndexDocument> consumer = new KafkaConsumer<>(props,
                topics.index.keySerde().deserializer(), topics.index.valueSerde().deserializer());
        KafkaClientMetrics metrics = new KafkaClientMetrics(consumer);
        metrics.bindTo(registry);
        started.add(metrics);
        return consumer;
    }
}
