package nl.kamerstroom.launcher.up;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import nl.kamerstroom.common.config.HttpConfig;
import nl.kamerstroom.common.config.KafkaConfig;
import nl.kamerstroom.common.config.Settings;
import nl.kamerstroom.common.lifecycle.Service;
import nl.kamerstroom.common.lifecycle.StartFailure;
import nl.kamerstroom.embedded.LocalStack;
import nl.kamerstroom.embedded.OpenSearchNode;
import nl.kamerstroom.enrich.EnrichConfig;
import nl.kamerstroom.enrich.EnrichService;
import nl.kamerstroom.index.IndexConfig;
import nl.kamerstroom.index.IndexService;
import nl.kamerstroom.index.IndexStore;
import nl.kamerstroom.index.opensearch.OpenSearchConfig;
import nl.kamerstroom.index.operator.OperatorConfig;
import nl.kamerstroom.ingest.IngestService;
import nl.kamerstroom.ingest.config.IngestConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole pipeline on one machine: a Kafka broker and Apicurio Registry as child JVMs, and
 * the ingest-, enrich- and index-service in this JVM. All state lives under {@link UpConfig#data()}:
 * the broker's log, the registry's schemas (kept in the broker, as Confluent's registry keeps
 * {@code _schemas}, so every schema id survives a restart), the enrich state stores and the
 * index. Starting again on the same folder resumes where the last run stopped.
 */
public final class SingleMachineStack implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SingleMachineStack.class);

    /** The heaps of the child JVMs; this JVM's own is set by bin/kamerstroom. About 1.5 GB in all. */
    static final String BROKER_HEAP = "384m";
    static final String REGISTRY_HEAP = "256m";
    static final String OPENSEARCH_HEAP = "512m";

    private final UpConfig config;
    private final LocalStack kafka;
    private final int httpPort;
    private final Map<String, Integer> servicePorts = new LinkedHashMap<>();
    private final List<Service> services = new ArrayList<>();
    private OpenSearchNode openSearch;
    private long startMillis;

    private SingleMachineStack(UpConfig config) {
        Ports.requireFree(config.httpPort(), "--http-port / KAMERSTROOM_HTTP_PORT");
        this.config = config;
        this.kafka = kafkaOf(config);
        this.httpPort = Ports.orFree(config.httpPort());
        reservePort("ingest", IngestConfig.DEFAULT_HTTP_PORT);
        reservePort("enrich", EnrichConfig.DEFAULT_HTTP_PORT);
    }

    /**
     * The broker and registry of {@code up} (and of {@code kafka}, which runs them alone), not yet
     * started: their data under {@code <data>/kafka} and {@code <data>/registry}.
     */
    static LocalStack kafkaOf(UpConfig config) {
        Ports.requireFree(config.kafkaPort(), "--kafka-port / KAMERSTROOM_KAFKA_PORT");
        Ports.requireFree(config.registryPort(), "--registry-port / KAMERSTROOM_REGISTRY_PORT");
        return LocalStack.builder().dataDir(config.data()).kafkaPort(config.kafkaPort())
                .registryPort(config.registryPort()).brokerHeap(BROKER_HEAP).registryHeap(REGISTRY_HEAP).build();
    }

    /**
     * Starts every part and returns once all are up; when one cannot start, the parts already
     * started are stopped and a {@link StartFailure} says why in one line. Service settings come
     * from {@code environment} with the addresses and folders of this stack laid over them.
     */
    public static SingleMachineStack start(UpConfig config, Settings environment) throws Exception {
        SingleMachineStack stack = new SingleMachineStack(config);
        try {
            stack.startAll(environment);
            return stack;
        } catch (StartFailure e) {
            LOG.debug("Start failed", e);
            stack.close();
            throw e;
        } catch (Exception | Error e) {
            LOG.debug("Start failed", e);
            stack.close();
            throw new StartFailure("up", e);
        }
    }

    private void startAll(Settings environment) throws Exception {
        long started = System.nanoTime();
        for (Path folder : List.of(config.data(), config.inbox(), config.done(), config.failed())) {
            Files.createDirectories(folder);
        }
        kafka.start();
        Settings shared = environment.with(Map.of(
                KafkaConfig.BOOTSTRAP_SERVERS.name(), kafka.bootstrapServers(),
                KafkaConfig.SCHEMA_REGISTRY_URL.name(), kafka.schemaRegistryUrl(),
                KafkaConfig.TOPIC_REPLICATION_FACTOR.name(), "1"));
        Service ingest = new IngestService(IngestConfig.from(shared.with(Map.of(
                IngestConfig.INBOX_DIR.name(), config.inbox().toString(),
                IngestConfig.DONE_DIR.name(), config.done().toString(),
                IngestConfig.FAILED_DIR.name(), config.failed().toString(),
                HttpConfig.portSetting(0).name(), Integer.toString(servicePorts.get("ingest"))))));
        // One enrich instance with a stable INSTANCE_ID: as a static member it gets its partitions
        // back at once after a restart instead of waiting out the old member's session.
        Settings enrichDefaults = Settings.of(Map.of(EnrichConfig.STATIC_MEMBERSHIP.name(), "true"));
        Service enrich = new EnrichService(EnrichConfig.from(enrichDefaults.with(shared.raw()).with(Map.of(
                EnrichConfig.STATE_DIR.name(), config.serviceDir("enrich").resolve("streams-state").toString(),
                HttpConfig.portSetting(0).name(), Integer.toString(servicePorts.get("enrich"))))));
        PipelineHealth health = new PipelineHealth(kafka.broker()::isRunning, kafka.registry()::isRunning,
                List.of(ingest, enrich));
        Service index = new IndexService(IndexConfig.from(shared.with(openSearchUrl(environment)).with(Map.of(
                IndexConfig.INDEX_DIR.name(), config.serviceDir("index").toString(),
                HttpConfig.portSetting(0).name(), Integer.toString(httpPort),
                OperatorConfig.SERVICES.name(), "ingest=http://127.0.0.1:" + servicePorts.get("ingest")
                        + ",enrich=http://127.0.0.1:" + servicePorts.get("enrich")))), health);
        services.addAll(List.of(ingest, enrich, index));
        startTogether(services);
        startMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
    }

    /**
     * With {@code INDEX_STORE=opensearch} and no {@code OPENSEARCH_URL}, a local OpenSearch node
     * (a child JVM like the broker, its data under {@code <data>/opensearch}) and its address.
     */
    private Map<String, String> openSearchUrl(Settings environment) {
        if (environment.get(IndexStore.SETTING) != IndexStore.OPENSEARCH
                || environment.raw().containsKey(OpenSearchConfig.URL.name())) {
            return Map.of();
        }
        openSearch = OpenSearchNode.builder().dataDir(config.serviceDir("opensearch")).heap(OPENSEARCH_HEAP).build()
                .start();
        return Map.of(OpenSearchConfig.URL.name(), openSearch.url());
    }

    /** Ingest and enrich serve only /health and /metrics: their usual ports, or free ones when the API's port is free too. */
    private void reservePort(String service, int defaultPort) {
        int port = Ports.orFree(config.httpPort() == 0 ? 0 : defaultPort);
        Ports.requireFree(port, "--http-port 0 (" + service + " then takes a free port too)");
        servicePorts.put(service, port);
    }

    /**
     * The services need only the broker and registry, not each other, so they start side by side:
     * ingest's Tika warm-up overlaps the Streams rebalances. The first failure is thrown, naming its
     * service, once all have finished; {@link #close()} then stops the ones that did start.
     */
    private static void startTogether(List<Service> services) throws InterruptedException {
        try (ExecutorService starter = Executors.newFixedThreadPool(services.size(),
                Thread.ofPlatform().name("start-", 0).factory())) {
            List<Future<?>> starts = new ArrayList<>();
            for (Service service : services) {
                starts.add(starter.submit(() -> {
                    service.start();
                    return null;
                }));
            }
            StartFailure failure = null;
            for (int i = 0; i < starts.size(); i++) {
                try {
                    starts.get(i).get();
                } catch (ExecutionException e) {
                    if (failure == null) {
                        failure = new StartFailure(services.get(i).name(), e.getCause());
                    }
                }
            }
            if (failure != null) {
                throw failure;
            }
        }
    }

    /**
     * Stops the services, then the registry, then the broker, so the services' last commits still
     * reach a running broker. The services stop side by side: each commits only its own work and
     * none waits for another, so the stop takes as long as the slowest of them, not their sum.
     */
    @Override
    public void close() {
        long started = System.nanoTime();
        stopTogether(services);
        services.clear();
        if (openSearch != null) {
            openSearch.close();
        }
        kafka.close();
        LOG.info("Kamerstroom stopped in {} ms", TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
    }

    private static void stopTogether(List<Service> services) {
        if (services.isEmpty()) {
            return;
        }
        long started = System.nanoTime();
        // Closing the executor waits until every service has stopped.
        try (ExecutorService stopper = Executors.newFixedThreadPool(services.size(),
                Thread.ofPlatform().name("stop-", 0).factory())) {
            for (Service service : services) {
                stopper.execute(() -> {
                    try {
                        service.close();
                    } catch (RuntimeException e) {
                        LOG.warn("Error while stopping {}", service.name(), e);
                    }
                });
            }
        }
        LOG.info("Services stopped ({}) in {} ms", String.join(", ", services.stream().map(Service::name).toList()),
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
    }

    public UpConfig config() {
        return config;
    }

    public String bootstrapServers() {
        return kafka.bootstrapServers();
    }

    public String registryUrl() {
        return kafka.schemaRegistryUrl();
    }

    /** The web page; the API lives under {@code /api/}. */
    public String searchUrl() {
        return "http://127.0.0.1:" + httpPort + "/";
    }

    public int httpPort() {
        return httpPort;
    }

    /** The /metrics endpoint of each service, by service name. */
    public Map<String, String> metricsUrls() {
        Map<String, String> urls = new LinkedHashMap<>();
        servicePorts.forEach((service, port) -> urls.put(service, "http://127.0.0.1:" + port + "/metrics"));
        urls.put("index", "http://127.0.0.1:" + httpPort + "/metrics");
        return urls;
    }

    /** How long {@link #start} took. */
    public long startMillis() {
        return startMillis;
    }

    /** Process ids of the broker and registry JVMs (for measuring the whole stack's memory). */
    public List<Long> childPids() {
        List<Long> pids = new ArrayList<>(List.of(kafka.broker().pid(), kafka.registry().pid()));
        if (openSearch != null) {
            pids.add(openSearch.pid());
        }
        return List.copyOf(pids);
    }
}
