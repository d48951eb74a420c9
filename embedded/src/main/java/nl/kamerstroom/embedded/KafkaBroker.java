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

    private final int controllerPort;
    private final Map<String, String> overrides;

    private KafkaBroker(Builder builder) {
        super(builder, "kamerstroom-kafka-", Duration.ofSeconds(30));
        this.controllerPort = FreePort.orAny(builder.controllerPort);
        this.overrides = Map.copyOf(builder.properties);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Starts the broker and returns once it answers an Admin {@code describeCluster} with itself in it. */
    public KafkaBroker start() {
        startChild();
        return this;
    }

    @Override
    protected ChildJvm launch() {
        Path serverProperties = writeServerProperties();
        List<String> jvmArgs = new ArrayList<>(List.of(
                "-Xms64m", "-Xmx" + heap,
                // Serial GC: a small heap on a 2-core machine needs no concurrent collector, and it costs less native memory than G1.
                "-XX:+UseSerialGC",
                // C1 only: the broker's time goes to system calls and a wide spread of request code, so the
                // optimising compiler never stopped compiling (0.2-1.5 CPU s per 2,000-text burst after
                // 8,800 documents) and its code and arenas held ~50 MB. Measured: 4.1-4.7 against 6.8-8.9
                // broker CPU s for 2,000 texts on a fresh stack, 176-183 against 224-231 MB anonymous RSS.
                "-XX:TieredStopAtLevel=1",
                "-Djava.awt.headless=true"));
        jvmArgs.addAll(ChildLogging.jvmArgs(dataDir.path()));
        return ChildJvm.start("Kafka broker", dataDir.path(), JvmClassPath.current(), jvmArgs,
                KafkaBrokerMain.class.getName(), List.of(serverProperties.toString(), Uuid.randomUuid().toString()), logFile());
    }

    @Override
    protected String address() {
        return bootstrapServers();
    }

    @Override
    protected String readyDetails() {
        return ", data " + dataDir.path();
    }

    /** {@code 127.0.0.1:PORT}. */
    public String bootstrapServers() {
        return "127.0.0.1:" + port;
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

    /** The cluster's metadata names this broker. */
    @Override
    protected boolean answers() {
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

    /** Options of a {@link KafkaBroker}; every one has a default suited to tests (heap 384m, start timeout 180 s). */
    public static final class Builder extends ChildServer.Builder<Builder> {
        private int controllerPort;
        private final Map<String, String> properties = new LinkedHashMap<>();

        private Builder() {
            // Generous: on a loaded 2-core machine (several test JVMs at once) starts of 45 s were measured.
            super("384m", Duration.ofSeconds(180));
        }

        /** The KRaft controller port on 127.0.0.1; 0 (default) picks a free one. */
        public Builder controllerPort(int controllerPort) {
            this.controllerPort = controllerPort;
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

        /** A broker with these options, not yet started. */
        public KafkaBroker build() {
            return new KafkaBroker(this);
        }
    }
}
