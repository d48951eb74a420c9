package nl.kamerstroom.embedded;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real Apache Kafka broker in KRaft mode (one node, combined broker and controller), run as a
 * child JVM with this JVM's class path.
 *
 * <p>The storage is formatted on first start only, so starting again on the same data directory
 * keeps every topic and record. With no data directory given the broker is ephemeral: it lives in
 * a temp directory that {@link #close()} deletes. Ports are fixed when the broker is built, so
 * {@link #stop()} followed by {@link #start()} comes back on the same address.
 */
public final class KafkaBroker extends ChildServer {

    private static final Logger LOG = LoggerFactory.getLogger(KafkaBroker.class);

    private final int port;
    private final int controllerPort;
    private final String heap;
    private final Map<String, String> overrides;
    private final Duration startTimeout;

    private KafkaBroker(Builder builder) {
        super(DataDir.of(builder.dataDir, "kamerstroom-kafka-"), Duration.ofSeconds(30));
        this.port = FreePort.orAny(builder.port);
        this.controllerPort = FreePort.orAny(builder.controllerPort);
        this.heap = builder.heap;
        this.overrides = Map.copyOf(builder.properties);
        this.startTimeout = builder.startTimeout;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Starts the broker and returns once it answers an Admin {@code describeCluster} with itself in it. */
    public synchronized KafkaBroker start() {
        if (child != null && child.isAlive()) {
            return this;
        }
        long started = System.nanoTime();
        Path serverProperties = writeServerProperties();
        List<String> jvmArgs = new ArrayList<>(List.of(
                "-Xms64m", "-Xmx" + heap,
                // Serial GC: a small heap on a 2-core machine needs no concurrent collector, and it costs less native memory than G1.
                "-XX:+UseSerialGC",
                "-Djava.awt.headless=true"));
        jvmArgs.addAll(ChildLogging.jvmArgs(dataDir.path()));
        child = ChildJvm.start("Kafka broker", dataDir.path(), JvmClassPath.current(), jvmArgs,
                KafkaBrokerMain.class.getName(), List.of(serverProperties.toString(), Uuid.randomUuid().toString()), logFile());
        Await.until(child, startTimeout, "Starting the Kafka broker on " + bootstrapServers(),
                () -> Await.listening(port) && clusterReady());
        LOG.info("Kafka broker ready on {} in {} ms (data {}, pid {})", bootstrapServers(),
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started), dataDir.path(), child.pid());
        return this;
    }

    /** {@code 127.0.0.1:PORT}. */
    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    public int controllerPort() {
        return controllerPort;
    }

    @Override
    public Path logFile() {
        return dataDir.path().resolve("broker.log");
    }

    private Path writeServerProperties() {
        Properties properties = BrokerProperties.of(dataDir.path().resolve("kafka-logs"), port, controllerPort, overrides);
        Path file = dataDir.path().resolve("server.properties");
        try (OutputStream out = Files.newOutputStream(file)) {
            properties.store(out, "Written by " + KafkaBroker.class.getName() + " on every start");
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }

    private boolean clusterReady() {
        Properties config = new Properties();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2_000);
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 2_000);
        Admin admin = Admin.create(config);
        try {
            return !admin.describeCluster().nodes().get(2, TimeUnit.SECONDS).isEmpty();
        } catch (Exception e) {
            return false;
        } finally {
            // close() without a timeout waits forever for calls to a port that accepts but never answers.
            admin.close(Duration.ofSeconds(1));
        }
    }

    /** Options of a {@link KafkaBroker}; every one has a default suited to tests. */
    public static final class Builder {
        private Path dataDir;
        private int port;
        private int controllerPort;
        private String heap = "384m";
        private final Map<String, String> properties = new LinkedHashMap<>();
        // Generous: on a loaded 2-core machine (several test JVMs at once) starts of 45 s were measured.
        private Duration startTimeout = Duration.ofSeconds(180);

        private Builder() {
        }

        /** Keeps the broker's data here across restarts; default: a temp directory deleted on close. */
        public Builder dataDir(Path dataDir) {
            this.dataDir = dataDir;
            return this;
        }

        /** The client (PLAINTEXT) port on 127.0.0.1; 0 (default) picks a free one. */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /** The KRaft controller port on 127.0.0.1; 0 (default) picks a free one. */
        public Builder controllerPort(int controllerPort) {
            this.controllerPort = controllerPort;
            return this;
        }

        /** Maximum heap of the broker JVM, in {@code -Xmx} syntax; default {@code 384m}. */
        public Builder heap(String heap) {
            this.heap = heap;
            return this;
        }

        /** A broker property that overrides the tuned defaults. */
        public Builder property(String name, String value) {
            properties.put(name, value);
            return this;
        }

        public Builder properties(Map<String, String> properties) {
            this.properties.putAll(properties);
            return this;
        }

        /** How long {@link KafkaBroker#start()} waits for the broker; default 180 s. */
        public Builder startTimeout(Duration startTimeout) {
            this.startTimeout = startTimeout;
            return this;
        }

        /** A broker with these options, not yet started. */
        public KafkaBroker build() {
            return new KafkaBroker(this);
        }
    }
}
