package nl.kamerstroom.chaos;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import nl.kamerstroom.embedded.LocalStack;
import nl.kamerstroom.embedded.OpenSearchNode;

/**
 * The broker and registry (child JVMs of the embedded module, data kept across restarts), an
 * OpenSearch node unless left out, and N instances of each service as separate processes, as
 * compose runs them: all ingest instances on one shared inbox, the enrich instances in one group,
 * every Lucene index instance a whole replica with its own INDEX_DIR, the OpenSearch index
 * instances one consumer group writing into the one node.
 *
 * <p>A supervisor restarts an instance that exited by itself, as compose's {@code restart:
 * unless-stopped} would, and counts it: a service that cannot start must exit (not hang), and the
 * suite reports how often that happened.
 */
final class Pipeline implements AutoCloseable {

    private static final Duration SUPERVISE_EVERY = Duration.ofSeconds(1);
    static final String OPENSEARCH_INDEX = "kamerstroom-chaos";

    private final Path dir;
    private final EventLog events;
    private final LocalStack stack;
    /** The OpenSearch store's node; null when the run leaves the OpenSearch store out. */
    private final OpenSearchNode openSearch;
    private final List<ServiceInstance> instances = new ArrayList<>();
    /** Instances a fault holds down on purpose; the supervisor leaves them alone. */
    private final Set<ServiceInstance> heldDown = ConcurrentHashMap.newKeySet();
    private final Map<ServiceInstance, Object> faultTurns = new ConcurrentHashMap<>();
    private final Map<ServiceInstance, Integer> selfExits = new ConcurrentHashMap<>();
    private final ScheduledExecutorService supervisor = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "chaos-supervisor");
        thread.setDaemon(true);
        return thread;
    });
    private volatile boolean supervising;

    private Pipeline(Path dir, EventLog events, boolean withOpenSearch) throws IOException {
        this.dir = dir;
        this.events = events;
        this.stack = LocalStack.builder().dataDir(dir.resolve("stack")).kafkaPort(0).registryPort(0).build();
        this.openSearch = withOpenSearch ? openSearchNode(dir) : null;
    }

    /**
     * The node's data in the working folder, kept with the logs of a failed run. When the suite
     * runs as root the node runs as an unprivileged user, who must be able to pass through the
     * working folder (a temporary folder is created closed to others).
     */
    private static OpenSearchNode openSearchNode(Path dir) throws IOException {
        Set<PosixFilePermission> permissions = new HashSet<>(Files.getPosixFilePermissions(dir));
        permissions.add(PosixFilePermission.OTHERS_EXECUTE);
        Files.setPosixFilePermissions(dir, permissions);
        return OpenSearchNode.builder().dataDir(dir.resolve("opensearch")).build();
    }

    /**
     * Starts the stack (and, with {@code openSearch}, an OpenSearch node beside it) and
     * {@code perService} instances of each service, and waits until every one is healthy.
     */
    static Pipeline start(Path dir, int perService, boolean openSearch, EventLog events, Duration timeout)
            throws IOException {
        Pipeline pipeline = new Pipeline(dir, events, openSearch);
        try {
            pipeline.startStack();
            pipeline.startServices(perService);
            // Supervised from the first start: on a loaded machine a first start can time out too.
            pipeline.supervising = true;
            pipeline.supervisor.scheduleWithFixedDelay(pipeline::restartExited, SUPERVISE_EVERY.toMillis(),
                    SUPERVISE_EVERY.toMillis(), TimeUnit.MILLISECONDS);
            pipeline.awaitHealthy(pipeline.instances, timeout);
        } catch (RuntimeException | IOException e) {
            pipeline.close();
            throw e;
        }
        return pipeline;
    }

    /** Broker and registry, and the OpenSearch node at the same time: each start waits much of its time. */
    private void startStack() {
        events.log("starting broker and registry under %s%s", dir.resolve("stack"),
                openSearch == null ? "" : ", OpenSearch under " + openSearch.dataDir());
        CompletableFuture<Void> node = openSearch == null ? CompletableFuture.completedFuture(null)
                : CompletableFuture.runAsync(openSearch::start);
        stack.start();
        events.log("broker %s (pid %d), registry %s (pid %d)", stack.bootstrapServers(), stack.broker().pid(),
                stack.schemaRegistryUrl(), stack.registry().pid());
        node.join();
        if (openSearch != null) {
            events.log("OpenSearch %s (pid %d)", openSearch.url(), openSearch.pid());
        }
    }

    private void startServices(int perService) throws IOException {
        Files.createDirectories(inbox());
        Files.createDirectories(done());
        Files.createDirectories(failed());
        Path logs = Files.createDirectories(dir.resolve("logs"));
        Map<String, String> shared = Map.of(
                "KAFKA_BOOTSTRAP_SERVERS", stack.bootstrapServers(),
                "SCHEMA_REGISTRY_URL", stack.schemaRegistryUrl());
        for (int n = 1; n <= perService; n++) {
            Map<String, String> ingest = new HashMap<>(shared);
            ingest.putAll(Map.of("INBOX_DIR", inbox().toString(), "DONE_DIR", done().toString(),
                    "FAILED_DIR", failed().toString(), "PARSE_THREADS", "1", "RESCAN_INTERVAL", "2s"));
            add(ServiceKind.INGEST, n, ingest, "256m", logs);

            Map<String, String> enrich = new HashMap<>(shared);
            enrich.putAll(Map.of("STATE_DIR", dir.resolve("enrich-" + n).resolve("streams-state").toString(),
                    "PROGRESS_INTERVAL", "10s"));
            add(ServiceKind.ENRICH, n, enrich, "256m", logs);

            Map<String, String> index = new HashMap<>(shared);
            index.put("INDEX_DIR", dir.resolve("index-" + n).toString());
            add(ServiceKind.LUCENE_INDEX, n, index, "320m", logs);

            if (openSearch != null) {
                // INDEX_DIR holds only the topology's state here; the documents are in OpenSearch.
                Map<String, String> store = new HashMap<>(shared);
                store.putAll(Map.of("INDEX_STORE", "opensearch", "OPENSEARCH_URL", openSearch.url(),
                        "OPENSEARCH_INDEX", OPENSEARCH_INDEX, "INDEX_DIR", dir.resolve("opensearch-index-" + n).toString()));
                add(ServiceKind.OPENSEARCH_INDEX, n, store, "256m", logs);
            }
        }
        instances.forEach(ServiceInstance::start);
        events.log("started %s", instances.stream().map(i -> i + " (pid " + i.pid() + ")").toList());
    }

    private void add(ServiceKind kind, int n, Map<String, String> environment, String heap, Path logs) {
        String id = kind.idPrefix + "-" + n;
        instances.add(new ServiceInstance(kind, id, environment, freePort(), heap, logs.resolve(id + ".log")));
    }

    /** Waits until each of {@code waitingFor} answers /health with 200. */
    void awaitHealthy(Collection<ServiceInstance> waitingFor, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<ServiceInstance> pending = new ArrayList<>(waitingFor);
        while (!pending.isEmpty()) {
            pending.removeIf(ServiceInstance::healthy);
            if (pending.isEmpty()) {
                break;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Not healthy after " + timeout.toSeconds() + " s: " + pending
                        + " (logs in " + dir.resolve("logs") + ")");
            }
            sleep(Duration.ofMillis(500));
        }
    }

    private void restartExited() {
        if (!supervising) {
            return;
        }
        for (ServiceInstance instance : instances) {
            if (!heldDown.contains(instance) && !instance.isAlive()) {
                Integer code = instance.exitCode();
                selfExits.merge(instance, 1, Integer::sum);
                events.log("%s exited by itself (code %s); restarting it", instance, code);
                instance.start();
            }
        }
    }

    /**
     * Runs {@code fault} with {@code instance} held down: the supervisor does not restart it
     * meanwhile, and another fault on the same instance waits for this one to end.
     */
    void holdDown(ServiceInstance instance, Runnable fault) {
        synchronized (faultTurns.computeIfAbsent(instance, key -> new Object())) {
            heldDown.add(instance);
            try {
                fault.run();
            } finally {
                heldDown.remove(instance);
            }
        }
    }

    /**
     * Stops the supervisor and then every instance with SIGTERM, all at once as compose does.
     *
     * @return per instance how long it took to exit, or null when it had to be killed after {@code grace}
     */
    Map<ServiceInstance, Duration> stopServices(Duration grace) {
        supervising = false;
        supervisor.shutdownNow();
        Map<ServiceInstance, Duration> stopTimes = new LinkedHashMap<>();
        List<Thread> stoppers = new ArrayList<>();
        for (ServiceInstance instance : instances) {
            Thread stopper = new Thread(() -> {
                Duration took = instance.stop(grace);
                synchronized (stopTimes) {
                    stopTimes.put(instance, took);
                }
            }, "stop-" + instance);
            stoppers.add(stopper);
            stopper.start();
        }
        for (Thread stopper : stoppers) {
            try {
                stopper.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return stopTimes;
    }

    @Override
    public void close() {
        supervising = false;
        supervisor.shutdownNow();
        instances.forEach(ServiceInstance::kill);
        stack.close();
        if (openSearch != null) {
            openSearch.close();
        }
    }

    List<ServiceInstance> instances() {
        return List.copyOf(instances);
    }

    List<ServiceInstance> instances(ServiceKind kind) {
        return instances.stream().filter(i -> i.kind() == kind).toList();
    }

    /** What the checks compare: every Lucene replica, and the OpenSearch store through its first index instance. */
    List<ServiceInstance> stores() {
        List<ServiceInstance> stores = new ArrayList<>(instances(ServiceKind.LUCENE_INDEX));
        instances(ServiceKind.OPENSEARCH_INDEX).stream().findFirst().ifPresent(stores::add);
        return stores;
    }

    /** Process ids of the broker, the registry and the OpenSearch node (when there is one), by name. */
    Map<String, Long> stackProcesses() {
        Map<String, Long> pids = new LinkedHashMap<>();
        pids.put("broker", stack.broker().pid());
        pids.put("registry", stack.registry().pid());
        if (openSearch != null) {
            pids.put("opensearch", openSearch.pid());
        }
        return pids;
    }

    /** The OpenSearch store's node, when the run has one. */
    Optional<OpenSearchNode> openSearch() {
        return Optional.ofNullable(openSearch);
    }

    Map<ServiceInstance, Integer> selfExits() {
        return Map.copyOf(selfExits);
    }

    LocalStack stack() {
        return stack;
    }

    String bootstrapServers() {
        return stack.bootstrapServers();
    }

    String registryUrl() {
        return stack.schemaRegistryUrl();
    }

    Path inbox() {
        return dir.resolve("inbox");
    }

    Path done() {
        return dir.resolve("done");
    }

    Path failed() {
        return dir.resolve("failed");
    }

    /** ingest's default WORK_DIR: claimed files per instance, and the shared known-ids file. */
    Path ingestWorkDir() {
        return inbox().resolve(".kamerstroom");
    }

    Path indexDir(ServiceInstance replica) {
        return Path.of(replica.environment().get("INDEX_DIR"));
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free port", e);
        }
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }
}
