package nl.kamerstroom.benchmarks.pipeline;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import nl.kamerstroom.ingest.inbox.ErrorReportWriter;

/**
 * {@code bin/kamerstroom up} as a user starts it: its own process with the script's heap and GC
 * flags, the broker and registry as its children, all data in one folder. Measured from outside,
 * through /proc and the search API.
 */
final class UpProcess implements AutoCloseable {

    static final String SERVICES = "up (services)";

    private final Process process;
    final int httpPort;
    final int kafkaPort;
    final Path data;

    private UpProcess(Process process, int httpPort, int kafkaPort, Path data) {
        this.process = process;
        this.httpPort = httpPort;
        this.kafkaPort = kafkaPort;
        this.data = data;
    }

    static UpProcess start(Path home, Path data, Path log) throws IOException {
        int http = freePort();
        int kafka = freePort();
        ProcessBuilder builder = new ProcessBuilder(home.resolve("bin/kamerstroom").toString(), "up",
                "--data", data.toString(), "--http-port", Integer.toString(http),
                "--kafka-port", Integer.toString(kafka), "--registry-port", Integer.toString(freePort()))
                .redirectErrorStream(true).redirectOutput(log.toFile());
        return new UpProcess(builder.start(), http, kafka, data);
    }

    Path inbox() {
        return data.resolve("inbox");
    }

    /** How many of the benchmark's files ingest gave up on (their reasons beside them in failed/). */
    long failed() throws IOException {
        try (var files = Files.list(data.resolve("failed"))) {
            return files.filter(file -> !ErrorReportWriter.isReport(file)).count();
        } catch (NoSuchFileException e) {
            return 0;
        }
    }

    /** Where ingest moved each of these files (they were moved into the inbox under their own names). */
    List<Path> done(List<Path> files) {
        List<Path> done = files.stream().map(file -> data.resolve("done").resolve(file.getFileName())).toList();
        done.stream().filter(Files::notExists).findFirst().ifPresent(missing -> {
            throw new IllegalStateException("not in done/: " + missing);
        });
        return done;
    }

    String bootstrapServers() {
        return "127.0.0.1:" + kafkaPort;
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** The JVM bin/kamerstroom exec'd into, then the broker and registry under it, by a short name. */
    Map<String, Long> processes() {
        Map<String, Long> pids = new LinkedHashMap<>();
        pids.put(SERVICES, process.pid());
        List<ProcessHandle> children = new ArrayList<>(process.toHandle().children().toList());
        for (ProcessHandle child : children) {
            String command = child.info().commandLine().orElse("");
            pids.put(command.contains("KafkaBrokerMain") || command.contains("kafka.Kafka") ? "broker"
                    : command.contains("Quarkus") ? "registry"
                    : "child " + child.pid(), child.pid());
        }
        return pids;
    }

    @Override
    public void close() throws InterruptedException {
        List<ProcessHandle> all = new ArrayList<>(process.toHandle().descendants().toList());
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
        all.forEach(ProcessHandle::destroyForcibly);
    }

    static Duration since(long nanos) {
        return Duration.ofNanos(System.nanoTime() - nanos);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
