package nl.kamerstroom.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import nl.kamerstroom.common.config.Settings;
import nl.kamerstroom.ingest.config.IngestConfig;
import nl.kamerstroom.schema.FailedDocument;
import nl.kamerstroom.schema.IngestedDocument;
import nl.kamerstroom.serde.AvroSerdeConfig;
import nl.kamerstroom.testkit.KafkaStack;
import nl.kamerstroom.topic.Topics;

/** An ingest-service on temporary folders against the test broker, with helpers to drop files and read events. */
final class RunningIngest implements AutoCloseable {

    static final Duration WAIT = Duration.ofSeconds(60);

    private final KafkaStack stack;
    private final Path root;
    private final Map<String, String> env;
    private final Topics topics;
    private IngestService service;

    RunningIngest(KafkaStack stack, Path root, Map<String, String> overrides) {
        this.stack = stack;
        this.root = root;
        this.env = new HashMap<>(Map.of(
                "KAFKA_BOOTSTRAP_SERVERS", stack.bootstrapServers(),
                "SCHEMA_REGISTRY_URL", stack.schemaRegistryUrl(),
                "TOPIC_PARTITIONS", "1",
                "INSTANCE_ID", "ingest-it",
                "HTTP_PORT", "0",
                "INBOX_DIR", root.resolve("inbox").toString(),
                "DONE_DIR", root.resolve("done").toString(),
                "FAILED_DIR", root.resolve("failed").toString(),
                "SETTLE_TIME", "300ms",
                "RESCAN_INTERVAL", "1s"));
        env.putAll(overrides);
        this.topics = Topics.create(new AvroSerdeConfig(stack.schemaRegistryUrl(), true, false));
    }

    RunningIngest start() throws Exception {
        service = new IngestService(IngestConfig.from(Settings.of(env)));
        service.start();
        return this;
    }

    IngestService service() {
        return service;
    }

    Path inbox() {
        return root.resolve("inbox");
    }

    Path done() {
        return root.resolve("done");
    }

    Path failed() {
        return root.resolve("failed");
    }

    Path claimed() {
        return inbox().resolve(".kamerstroom/claimed").resolve(env.get("INSTANCE_ID"));
    }

    /** Writes the file beside its final name and renames it in, as a careful operator would. */
    Path drop(String relativePath, byte[] bytes) throws IOException {
        Path target = inbox().resolve(relativePath);
        Files.createDirectories(target.getParent());
        Path partial = target.resolveSibling(target.getFileName() + ".part");
        Files.write(partial, bytes);
        return Files.move(partial, target);
    }

    Path awaitIn(Path dir, String relativePath) {
        Path expected = dir.resolve(relativePath);
        await(() -> Files.exists(expected, LinkOption.NOFOLLOW_LINKS), expected + " to appear");
        return expected;
    }

    /** The document events for these bytes, waiting until {@code count} have arrived. */
    List<IngestedDocument> events(String id, int count) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        List<IngestedDocument> found;
        do {
            found = eventsNow(id);
        } while (found.size() < count && System.nanoTime() < deadline);
        assertThat(found).as("events for " + id).hasSizeGreaterThanOrEqualTo(count);
        return found;
    }

    /** The document events for these bytes on the topic now, in topic order. */
    List<IngestedDocument> eventsNow(String id) {
        return stack.readAll(Topics.INGESTED, Duration.ofSeconds(10)).stream()
                .map(r -> topics.ingested.valueSerde().deserializer().deserialize(Topics.INGESTED, r.value()))
                .filter(e -> e.getId().equals(id))
                .toList();
    }

    List<FailedDocument> failures(String relativePath, int count) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        List<FailedDocument> found;
        do {
            found = stack.readAll(Topics.FAILED, Duration.ofSeconds(10)).stream()
                    .map(r -> topics.failed.valueSerde().deserializer().deserialize(Topics.FAILED, r.value()))
                    .filter(e -> e.getRelativePath().equals(relativePath) && e.getFailedPath() != null
                            && e.getFailedPath().startsWith(root.toString()))
                    .toList();
        } while (found.size() < count && System.nanoTime() < deadline);
        assertThat(found).as("failure events for " + relativePath).hasSizeGreaterThanOrEqualTo(count);
        return found;
    }

    static List<Path> filesBelow(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(p -> !Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)).toList();
        }
    }

    static void await(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Timed out waiting for " + what);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("Interrupted", e);
            }
        }
    }

    void stop() {
        if (service != null) {
            service.close();
            service = null;
        }
    }

    @Override
    public void close() {
        stop();
    }
}
