package nl.kamerstroom.embedded;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Apicurio Registry, run as a child JVM from its Maven Central distribution, serving the
 * Confluent-compatible API at {@link #url()} with global compatibility BACKWARD.
 *
 * <p>Ports are fixed when the server is built, so {@link #stop()} followed by {@link #start()}
 * comes back on the same URL; with durable {@link RegistryStorage} every schema id survives that.
 */
public final class SchemaRegistryServer extends ChildServer {

    /** The path of Apicurio's Confluent-compatible API. */
    public static final String CCOMPAT_PATH = "/apis/ccompat/v7";
    private static final String QUARKUS_MAIN = "io.quarkus.bootstrap.runner.QuarkusEntryPoint";
    private static final String SCHEMA_REGISTRY_JSON = "application/vnd.schemaregistry.v1+json";

    private final int managementPort;
    private final RegistryStorage storage;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private SchemaRegistryServer(Builder builder) {
        super(builder, "kamerstroom-registry-", Duration.ofSeconds(20));
        this.managementPort = FreePort.orAny(0);
        this.storage = builder.storage;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Starts the registry and returns once its ccompat API answers, with compatibility set to BACKWARD. */
    public SchemaRegistryServer start() {
        startChild();
        return this;
    }

    @Override
    protected ChildJvm launch() {
        Path distribution = ApicurioDistribution.locate();
        List<String> jvmArgs = new ArrayList<>(List.of(
                "-Xms32m", "-Xmx" + heap, "-XX:+UseSerialGC",
                // C1 only: the registry answers a handful of requests (clients cache every schema),
                // so the optimising compiler's CPU at start-up would never pay back on two cores.
                "-XX:TieredStopAtLevel=1",
                "-Dquarkus.http.host=127.0.0.1",
                "-Dquarkus.http.port=" + port,
                // The health/metrics interface has its own port (default 9000): make it private and free.
                "-Dquarkus.management.host=127.0.0.1",
                "-Dquarkus.management.port=" + managementPort,
                // One line per request would drown the log; the serde's requests are few and cached.
                "-Dquarkus.http.access-log.enabled=false",
                "-Dquarkus.log.category.\"org.apache.kafka\".level=WARN",
                // Apicurio keeps 20 idle database connections by default; one client needs a couple.
                "-Dapicurio.datasource.jdbc.initial-size=2",
                "-Dapicurio.datasource.jdbc.min-size=2",
                "-Dapicurio.datasource.jdbc.max-size=10",
                "-Dapicurio.storage.snapshot.location=" + dataDir.path(),
                "-Dapicurio.import.work-dir=" + dataDir.path()));
        jvmArgs.addAll(storage.jvmArgs());
        // What quarkus-run.jar's manifest would grant with -jar; the child runs from the class path
        // instead, so that OrphanGuard can go in front of Quarkus' entry point.
        jvmArgs.addAll(List.of("--add-opens", "java.base/java.lang=ALL-UNNAMED", "--enable-native-access=ALL-UNNAMED"));
        return ChildJvm.start("Apicurio Registry", dataDir.path(), distribution.resolve("quarkus-run.jar").toString(),
                jvmArgs, QUARKUS_MAIN, List.of(), logFile());
    }

    @Override
    protected void afterStart() {
        setGlobalCompatibility("BACKWARD");
    }

    @Override
    protected String address() {
        return url();
    }

    @Override
    protected String readyDetails() {
        return ", storage " + storage;
    }

    /** The Confluent-compatible API: {@code http://127.0.0.1:PORT/apis/ccompat/v7}, for {@code schema.registry.url}. */
    public String url() {
        return "http://127.0.0.1:" + port + CCOMPAT_PATH;
    }

    @Override
    public Path logFile() {
        return dataDir.path().resolve("registry.log");
    }

    @Override
    protected boolean answers() {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(url() + "/subjects")).timeout(Duration.ofSeconds(2)).build();
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void setGlobalCompatibility(String level) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url() + "/config"))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", SCHEMA_REGISTRY_JSON)
                .PUT(HttpRequest.BodyPublishers.ofString("{\"compatibility\":\"" + level + "\"}"))
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw child.failStart("Setting compatibility " + level + " answered " + response.statusCode() + " " + response.body());
            }
        } catch (IOException e) {
            throw child.failStart("Setting compatibility " + level + " failed: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw child.failStart("Setting compatibility " + level + " interrupted");
        }
    }

    /** Options of a {@link SchemaRegistryServer}; every one has a default suited to tests (heap 256m, start timeout 240 s). */
    public static final class Builder extends ChildServer.Builder<Builder> {
        private RegistryStorage storage = RegistryStorage.inMemory();

        private Builder() {
            // Generous: on a loaded 2-core machine (several test JVMs at once) starts of 55 s were measured.
            super("256m", Duration.ofSeconds(240));
        }

        /** Where schemas are kept; default {@link RegistryStorage#inMemory()}. */
        public Builder storage(RegistryStorage storage) {
            this.storage = storage;
            return this;
        }

        public SchemaRegistryServer build() {
            return new SchemaRegistryServer(this);
        }
    }
}
