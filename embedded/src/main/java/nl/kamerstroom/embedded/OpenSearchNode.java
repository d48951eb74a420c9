package nl.kamerstroom.embedded;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One OpenSearch node (single-node discovery, security off, HTTP on 127.0.0.1), run as a child
 * JVM from the Maven Central distribution found by {@link OpenSearchDistribution}.
 *
 * <p>OpenSearch refuses to run as root and has no setting to allow it. When this JVM is root (CI,
 * containers), the node runs as the unprivileged user {@value #DEFAULT_USER} (created with
 * {@code useradd} when missing), switched to with {@code setpriv}, which execs the JVM so that
 * signals and the process id are the node's own. The node's config and data folders are its own
 * copies under {@link #dataDir()}, owned by that user; the distribution itself is only read.
 */
public final class OpenSearchNode extends ChildServer {

    static final String DEFAULT_USER = "opensearch";
    private static final Logger LOG = LoggerFactory.getLogger(OpenSearchNode.class);

    private final int transportPort;
    private final String user;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private OpenSearchNode(Builder builder) {
        super(builder, "kamerstroom-opensearch-", Duration.ofSeconds(20));
        this.transportPort = FreePort.orAny(0);
        this.user = builder.user;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Starts the node and returns once its cluster health is green or yellow. */
    public OpenSearchNode start() {
        startChild();
        return this;
    }

    @Override
    protected ChildJvm launch() {
        Path home = OpenSearchDistribution.locate();
        Path config = prepareFolders(home);
        if (root()) {
            requireReachableByOthers(dataDir.path().getParent());
            ensureUser(user);
            run(List.of("chown", "-R", user + ":", dataDir.path().toString()));
        }
        List<String> launcher = root()
                ? List.of("setpriv", "--reuid=" + user, "--regid=" + user, "--clear-groups")
                : List.of();
        List<String> jvmArgs = List.of(
                "-Xms" + heap, "-Xmx" + heap,
                // One small heap on a shared machine: the serial collector costs the least CPU.
                "-XX:+UseSerialGC",
                "-Djava.io.tmpdir=" + dataDir.path().resolve("tmp"),
                "-XX:ErrorFile=" + dataDir.path().resolve("logs/hs_err_pid%p.log"),
                // From the distribution's jvm.options: Lucene's vector code and the policy agent.
                "--add-modules=jdk.incubator.vector",
                "-javaagent:" + home.resolve("agent/opensearch-agent.jar"),
                "-Dopensearch.path.home=" + home,
                "-Dopensearch.path.conf=" + config,
                "-Dopensearch.distribution.type=zip",
                "-Dopensearch.bundled_jdk=false");
        String classPath = OpenSearchDistribution.guardClasses(home) + File.pathSeparator + home.resolve("lib") + "/*";
        return ChildJvm.start("OpenSearch", launcher, dataDir.path(), classPath, jvmArgs,
                OpenSearchDistribution.MAIN_CLASS, List.of(), logFile());
    }

    @Override
    protected String address() {
        return url();
    }

    @Override
    protected String readyDetails() {
        return ", version " + OpenSearchDistribution.version() + (root() ? ", user " + user : "");
    }

    private static boolean root() {
        return "root".equals(System.getProperty("user.name"));
    }

    /** {@code http://127.0.0.1:PORT}, for {@code OPENSEARCH_URL}. */
    public String url() {
        return "http://127.0.0.1:" + port;
    }

    @Override
    public Path logFile() {
        return dataDir.path().resolve("opensearch.log");
    }

    /** The node's own copy of {@code config/} (it writes a keystore there) with our settings, plus data, logs and tmp. */
    private Path prepareFolders(Path home) {
        Path config = dataDir.path().resolve("config");
        try {
            if (!Files.isDirectory(config)) {
                copyTree(home.resolve("config"), config);
            }
            for (String folder : List.of("data", "logs", "tmp")) {
                Files.createDirectories(dataDir.path().resolve(folder));
            }
            Files.writeString(config.resolve("opensearch.yml"), """
                    # Written by Kamerstroom's OpenSearchNode on every start.
                    cluster.name: kamerstroom
                    node.name: kamerstroom-embedded
                    discovery.type: single-node
                    network.host: 127.0.0.1
                    http.port: %d
                    transport.port: %d
                    path.data: %s
                    path.logs: %s
                    # A local node for one machine: never turn indices read-only because the disk is filling up.
                    cluster.routing.allocation.disk.threshold_enabled: false
                    # The seccomp filter forbids starting processes; OrphanGuard needs one (kill) to end
                    # a node whose parent JVM was killed, as the policy agent forbids System.exit.
                    bootstrap.system_call_filter: false
                    """.formatted(port, transportPort, dataDir.path().resolve("data"), dataDir.path().resolve("logs")));
            return config;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot prepare the OpenSearch folders in " + dataDir.path(), e);
        }
    }

    /** Cluster health is green or yellow. */
    @Override
    protected boolean answers() {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(url() + "/_cluster/health"))
                    .timeout(Duration.ofSeconds(5)).build();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 && !response.body().contains("\"status\":\"red\"");
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The node's user must be able to walk down to its data folder (a folder under /root is not). */
    private void requireReachableByOthers(Path folder) {
        for (Path dir = folder; dir != null; dir = dir.getParent()) {
            try {
                if (!Files.getPosixFilePermissions(dir).contains(PosixFilePermission.OTHERS_EXECUTE)) {
                    throw new IllegalStateException("OpenSearch runs as the user " + user + ", who cannot reach "
                            + dataDir.path() + " because " + dir + " is closed to other users; put the data"
                            + " folder elsewhere (for example under /var/lib or /tmp)");
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read the permissions of " + dir, e);
            }
        }
    }

    /** Creates the system user that runs the node when it does not exist yet (needs root). */
    static void ensureUser(String user) {
        if (exitCode(List.of("id", "-u", user)) != 0) {
            LOG.info("Creating the system user {} to run OpenSearch (it refuses to run as root)", user);
            run(List.of("useradd", "--system", "--no-create-home", "--shell", "/usr/sbin/nologin", user));
        }
    }

    private static void run(List<String> command) {
        if (exitCode(command) != 0) {
            throw new IllegalStateException("Command failed: " + String.join(" ", command));
        }
    }

    private static int exitCode(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return -1;
            }
            return process.exitValue();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while running " + command, e);
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        }
    }

    /** Options of an {@link OpenSearchNode}; every one has a default suited to tests (heap 512m, start timeout 300 s). */
    public static final class Builder extends ChildServer.Builder<Builder> {
        private String user = DEFAULT_USER;

        private Builder() {
            // Generous: ~15 CPU-seconds to start, and several test JVMs share two cores.
            super("512m", Duration.ofSeconds(300));
        }

        /** The unprivileged user that runs the node when this JVM is root; default {@value #DEFAULT_USER}. */
        public Builder user(String user) {
            this.user = user;
            return this;
        }

        public OpenSearchNode build() {
            return new OpenSearchNode(this);
        }
    }
}
