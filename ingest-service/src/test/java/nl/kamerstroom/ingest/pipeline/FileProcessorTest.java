package nl.kamerstroom.ingest.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import nl.kamerstroom.ingest.inbox.Claimer;
import nl.kamerstroom.ingest.inbox.ErrorReportWriter;
import nl.kamerstroom.ingest.inbox.InboxFile;
import nl.kamerstroom.ingest.metrics.IngestMetrics;
import nl.kamerstroom.ingest.parse.LanguageGuesser;
import nl.kamerstroom.ingest.parse.OcrSupport;
import nl.kamerstroom.ingest.parse.TikaExtractor;
import nl.kamerstroom.ingest.parse.TimedParser;
import nl.kamerstroom.ingest.publish.DocumentEvents;
import nl.kamerstroom.ingest.publish.EventPublisher;
import nl.kamerstroom.ingest.publish.KnownIds;
import nl.kamerstroom.serde.AvroSerdeConfig;
import nl.kamerstroom.serde.SchemaRegistryClients;
import nl.kamerstroom.topic.Topics;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What happens to a claimed file when the broker acknowledges, refuses, or is away. */
class FileProcessorTest {

    private static final String SCOPE = "file-processor-test";

    @TempDir
    Path dir;

    private final MockProducer<byte[], byte[]> producer = new MockProducer<>(false, null, new ByteArraySerializer(),
            new ByteArraySerializer());
    private final IngestMetrics metrics = new IngestMetrics(new SimpleMeterRegistry());
    private static TimedParser parser;
    private KnownIds knownIds;
    private FileProcessor processor;

    @BeforeAll
    static void createParser() {
        parser = new TimedParser(new TikaExtractor(10_000, OcrSupport.none(), Duration.ofSeconds(10),
                new LanguageGuesser()), Duration.ofSeconds(10), 1, 1, () -> { });
    }

    @AfterAll
    static void closeParser() {
        parser.close();
    }

    @BeforeEach
    void wire() throws Exception {
        knownIds = KnownIds.open(dir.resolve("work/known-ids.txt"), 100);
        EventPublisher publisher = new EventPublisher(producer, Topics.create(new AvroSerdeConfig("mock://" + SCOPE,
                true, false)));
        DocumentEvents events = new DocumentEvents("test", Clock.systemUTC());
        Finisher finisher = new Finisher(dir.resolve("done"), dir.resolve("failed"), new Claimer(dir.resolve("claimed")),
                publisher, events, metrics, "test", Clock.systemUTC());
        processor = new FileProcessor(1 << 20, parser, new Originals(knownIds), publisher, events, finisher,
                Runnable::run, metrics);
    }

    @AfterEach
    void close() throws Exception {
        knownIds.close();
        SchemaRegistryClients.dropMockScope("mock://" + SCOPE);
    }

    @Test
    void anAcknowledgedFileGoesToDoneAndItsIdIsRemembered() throws Exception {
        InboxFile file = claimed("brief.txt", "Een brief over de begroting.");
        String id = DocumentId.of(file.path());
        CompletableFuture<FileOutcome> outcome = processor.process(file);

        producer.completeNext();

        assertThat(outcome.get(10, TimeUnit.SECONDS)).isEqualTo(FileOutcome.DONE);
        assertThat(dir.resolve("done/brief.txt")).exists();
        assertThat(file.path()).doesNotExist();
        assertThat(Files.readString(dir.resolve("work/known-ids.txt"))).isEqualTo(id + "\n");
    }

    @Test
    void aBrokerThatIsAwayKeepsTheFileClaimedForARetry() throws Exception {
        InboxFile file = claimed("brief.txt", "Een brief die even moet wachten.");
        String id = DocumentId.of(file.path());
        CompletableFuture<FileOutcome> outcome = processor.process(file);

        producer.errorNext(new TimeoutException("broker unavailable"));

        assertThat(outcome.get(10, TimeUnit.SECONDS)).isEqualTo(FileOutcome.KEPT);
        assertThat(file.path()).exists();
        assertThat(dir.resolve("failed")).doesNotExist();
        assertThat(knownIds.contains(id)).as("the id is not known: the retry parses it again").isFalse();
    }

    @Test
    void anEventTheBrokerRefusesFailsTheFile() throws Exception {
        InboxFile file = claimed("groot.txt", "Een te groot bericht.");
        CompletableFuture<FileOutcome> outcome = processor.process(file);

        producer.errorNext(new RecordTooLargeException("too large"));

        assertThat(outcome.get(10, TimeUnit.SECONDS)).isEqualTo(FileOutcome.FAILED);
        assertThat(ErrorReportWriter.read(dir.resolve("failed/groot.txt.error.json")).stage()).isEqualTo("produce");
        assertThat(file.path()).doesNotExist();
    }

    private InboxFile claimed(String name, String text) throws Exception {
        Path path = Files.writeString(Files.createDirectories(dir.resolve("claimed")).resolve(name), text,
                StandardCharsets.UTF_8);
        return InboxFile.of(path, name, Files.readAttributes(path, BasicFileAttributes.class));
    }
}
