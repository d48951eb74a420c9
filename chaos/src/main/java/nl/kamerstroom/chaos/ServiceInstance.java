package nl.kamerstroom.chaos;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import nl.kamerstroom.embedded.JvmClassPath;
import nl.kamerstroom.embedded.OrphanGuard;

/**
 * One service instance as its own OS process, started the way compose starts it:
 * {@code java -cp <launcher class path> nl.kamerstroom.launcher.Kamerstroom ingest|enrich|index},
 * configured only by environment variables, its output appended to its own log file. Behind
 * {@link OrphanGuard}, so an instance never outlives the suite, even when the suite is killed.
 */
final class ServiceInstance {

    private static final String LAUNCHER = "nl.kamerstroom.launcher.Kamerstroom";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final ServiceKind kind;
    private final String instanceId;
    private final Map<String, String> environment;
    private final int httpPort;
    private final String heap;
    private final Path logFile;
    private Process process;
    private int starts;

    /** @param environment the service's settings; HTTP_PORT and INSTANCE_ID are added here */
    ServiceInstance(ServiceKind kind, String instanceId, Map<String, String> environment, int httpPort, String heap,
                    Path logFile) {
        this.kind = kind;
        this.instanceId = instanceId;
        this.environment = Map.copyOf(environment);
        this.httpPort = httpPort;
        this.heap = heap;
        this.logFile = logFile;
    }

    /** Starts the process, unless it runs (a fault and the supervisor may both restart an instance). */
    synchronized void start() {
        if (isAlive()) {
            return;
        }
        List<String> command = new ArrayList<>(List.of(javaExecutable(),
                "-Xms64m", "-Xmx" + heap, "-XX:+UseSerialGC", "-XX:+ExitOnOutOfMemoryError",
                "--enable-native-access=ALL-UNNAMED",
                OrphanGuard.class.getName(), Long.toString(ProcessHandle.current().pid()), LAUNCHER, kind.command));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
        builder.environment().remove("JAVA_TOOL_OPTIONS");
        builder.environment().remove("JDK_JAVA_OPTIONS");
        // Through the environment rather than -cp: no length limit, and ps stays readable.
        builder.environment().put("CLASSPATH", JvmClassPath.current());
        builder.environment().putAll(environment);
        builder.environment().put("INSTANCE_ID", instanceId);
        builder.environment().put("HTTP_PORT", Integer.toString(httpPort));
        try {
            process = builder.start();
            starts++;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start " + instanceId, e);
        }
    }

    /** SIGKILL, as the OOM killer or a pulled plug would: no shutdown hook runs. */
    synchronized void kill() {
        if (process != null) {
            process.destroyForcibly();
            waitFor(process, Duration.ofSeconds(10));
        }
    }

    /**
     * SIGTERM, as compose and systemd stop a service; SIGKILL after {@code grace}.
     *
     * @return how long the process took to exit, or null when it had to be killed
     */
    synchronized Duration stop(Duration grace) {
        if (process == null || !process.isAlive()) {
            return Duration.ZERO;
        }
        long started = System.nanoTime();
        process.destroy();
        if (waitFor(process, grace)) {
            return Duration.ofNanos(System.nanoTime() - started);
        }
        kill();
        return null;
    }

    synchronized boolean isAlive() {
        return process != null && process.isAlive();
    }

    /** The pid of the current process, or -1 before the first start. */
    synchronized long pid() {
        return process == null ? -1 : process.pid();
    }

    /** The exit code of a process that ended by itself, or null while it runs. */
    synchronized Integer exitCode() {
        return process == null || process.isAlive() ? null : process.exitValue();
    }

    /** Whether the service answers its health endpoint with 200. */
    boolean healthy() {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl() + "/health"))
                    .timeout(Duration.ofSeconds(3)).build();
            return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    String baseUrl() {
        return "http://127.0.0.1:" + httpPort;
    }

    ServiceKind kind() {
        return kind;
    }

    String instanceId() {
        return instanceId;
    }

    Map<String, String> environment() {
        return environment;
    }

    Path logFile() {
        return logFile;
    }

    synchronized int starts() {
        return starts;
    }

    private static boolean waitFor(Process process, Duration timeout) {
        try {
            return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    @Override
    public String toString() {
        return instanceId;
    }
}
