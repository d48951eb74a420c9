package nl.kamerstroom.launcher.up;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import nl.kamerstroom.common.config.HttpConfig;
import nl.kamerstroom.common.config.KafkaConfig;
import nl.kamerstroom.common.config.Settings;
import nl.kamerstroom.common.lifecycle.Service;
import nl.kamerstroom.embedded.KafkaBroker;
import nl.kamerstroom.embedded.RegistryStorage;
import nl.kamerstroom.embedded.SchemaRegistryServer;
import nl.kamerstroom.enrich.EnrichConfig;
import nl.kamerstroom.enrich.EnrichService;
import nl.kamerstroom.index.IndexConfig;
import nl.kamerstroom.index.IndexService;
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

    private final UpConfig config;
    private final KafkaBroker broker;
    private final SchemaRegistryServer registry;
    private final int httpPort;
    private final Map<String, Integer> servicePorts = new LinkedHashMap<>();
    private final List<Service> services = new ArrayList<>();
    private long startMillis;

    private SingleMachineStack(UpConfig config) {
        this.config = config;
        this.broker = KafkaBroker.builder().dataDir(config.brokerDir()).port(config.kafkaPort()).heap(BROKER_HEAP).build();
        this.registry = SchemaRegistryServer.builder().dataDir(config.registryDir()).port(config.registryPort())
                .heap(REGISTRY_HEAP).storage(RegistryStorage.kafkaSql(broker.bootstrapServers())).build();
        this.httpPort = Ports.orFree(config.httpPort());
    }

    /**
     * Starts every part and returns once all are up. Service settings come from {@code environment}
     * with the addresses and folders of this stack laid over them.
     */
    public static SingleMachineStack start(UpConfig config, Settings environment) throws Exception {
        SingleMachineStack stack = new SingleMachineStack(config);
        try {
            stack.startAll(environment);
            return stack;
        } catch (Exception | Error e) {
            stack.close();
            throw e;
        }
    }

    private void startAll(Settings environment) throws Exception {
        long started = System.nanoTime();
        for (Path folder : List.of(config.data(), config.inbox(), config.done(), config.failed())) {
            Files.createDirectories(folder);
        }
        broker.start();
        registry.start();
        Settings shared = environment.with(Map.of(
                KafkaConfig.BOOTSTRAP_SERVERS.name(), broker.bootstrapServers(),
                KafkaConfig.SCHEMA_REGISTRY_URL.name(), registry.url(),
                KafkaConfig.TOPIC_REPLICATION_FACTOR.name(), "1"));
        Service ingest = new IngestService(IngestConfig.from(shared.with(Map.of(
                IngestConfig.INBOX_DIR.name(), config.inbox().toString(),
                IngestConfig.DONE_DIR.name(), config.done().toString(),
                IngestConfig.FAILED_DIR.name(), config.failed().toString(),
                HttpConfig.portSetting(0).name(), port("ingest", IngestConfig.DEFAULT_HTTP_PORT)))));
        start(ingest);
        Service enrich = new EnrichService(EnrichConfig.from(shared.with(Map.of(
                EnrichConfig.STATE_DIR.name(), config.serviceDir("enrich").resolve("streams-state").toString(),
                HttpConfig.portSetting(0).name(), port("enrich", EnrichConfig.DEFAULT_HTTP_PORT)))));
        start(enrich);
        PipelineHealth health = new PipelineHealth(broker::isRunning, registry::isRunning, List.of(ingest, enrich));
        start(new IndexService(IndexConfig.from(shared.with(Map.of(
                IndexConfig.INDEX_DIR.name(), config.serviceDir("index").toString(),
                HttpConfig.portSetting(0).name(), Integer.toString(httpPort)))), health));
        startMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
    }

    /** Ingest and enrich serve only /health and /metrics: their usual ports, or free ones when the API's port is free too. */
    private String port(String service, int defaultPort) {
        int port = Ports.orFree(config.httpPort() == 0 ? 0 : defaultPort);
        servicePorts.put(service, port);
        return Integer.toString(port);
    }

    private void start(Service service) throws Exception {
        service.start();
        services.add(service);
    }

    /** Stops the services (last started first), then the registry, then the broker; each waits for a clean stop. */
    @Override
    public void close() {
        long started = System.nanoTime();
        for (int i = services.size() - 1; i >= 0; i--) {
            try {
                services.get(i).close();
            } catch (RuntimeException e) {
                LOG.warn("Error while stopping {}", services.get(i).name(), e);
            }
        }
        services.clear();
        registry.stop();
        broker.stop();
        LOG.info("Kamerstroom stopped in {} ms", TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
    }

    public UpConfig config() {
        return config;
    }

    public String bootstrapServers() {
        return broker.bootstrapServers();
    }

    public String registryUrl() {
        return registry.url();
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
        return List.of(broker.pid(), registry.pid());
    }
}
