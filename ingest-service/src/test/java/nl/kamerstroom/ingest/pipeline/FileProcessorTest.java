package nl.kamerstroom.ingest.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import nl.kamerstroom.ingest.inbox.Claimer;
import nl.kamerstroom.ingest.inbox.ErrorReport;
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
import nl.kamerstroom.ingest.testing.HostileFiles;
import nl.kamerstroom.schema.IngestedDocument;
import nl.kamerstroom.serde.AvroSerdeConfig;
import nl.kamerstroom.serde.SchemaRegistryClients;
import nl.kamerstroom.serde.SchemaRegistryException;
import nl.kamerstroom.topic.Topics;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;
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
    private final Topics topics = Topics.create(new AvroSerdeConfig("mock://" + SCOPE, true, false));
    /** Finishing work waits here until the test runs it, so an original can be kept in flight. */
    private final Queue<Runnable> finishing = new ArrayDeque<>();
    private KnownIds knownIds;
    private FileProcessor processor;
    private FileProcessor queuedProcessor;

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
        EventPublisher publisher = new EventPublisher(producer, topics);
        DocumentEvents events = new DocumentEvents("test", Clock.systemUTC());
        Finisher finisher = new Finisher(dir.resolve("done"), dir.resolve("failed"), new Claimer(dir.resolve("claimed")),
                publisher, events, metrics, "test", Clock.systemUTC());
        Originals originals = new Originals(knownIds);
        processor = new FileProcessor(1 << 20, parser, originals, publisher, events, finisher, Runnable::run, metrics);
        queuedProcessor = new FileProcessor(1 << 20, parser, originals, publisher, events, finisher, finishing::add,
                metrics);
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

    /** The serializer cannot reach the registry: no fault of the file, which waits for the registry to return. */
    @Test
    void aRegistryThatIsAwayKeepsTheFileClaimedForARetry() throws Exception {
        InboxFile file = claimed("wacht.txt", "Een brief die op het register wacht.");
        CompletableFuture<FileOutcome> outcome = processor.process(file);

        producer.errorNext(new SerializationException("Can't convert value of class IngestedDocument",
                new SchemaRegistryException("Schema registry at http://127.0.0.1:8081 unreachable", 0, 0, null)));

        assertThat(outcome.get(10, TimeUnit.SECONDS)).isEqualTo(FileOutcome.KEPT);
        assertThat(file.path()).exists();
        assertThat(dir.resolve("failed")).doesNotExist();
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

    @Test
    void aCopyWaitsForItsOriginalAndIsSentAfterItAsADuplicate() throws Exception {
        InboxFile original = claimed("x-a.txt", "Een brief over de begroting, twee keer neergezet.");
        InboxFile copy = claimed("x-b.txt", "Een brief over de begroting, twee keer neergezet.");
        CompletableFuture<FileOutcome> originalDone = processor.process(original);
        CompletableFuture<FileOutcome> copyDone = processor.process(copy);

        assertThat(ingested()).as("the copy sends nothing while its original is in flight").hasSize(1);
        producer.completeNext();
        producer.completeNext();

        assertThat(originalDone.get(10, TimeUnit.SECONDS)).isEqualTo(FileOutcome.DONE);
        assertThat(copyDone.get(10, TimeUnit.SECONDS)).isEqualTo(FileOutcome.DUPLICATE);
        List<IngestedDocument> sent = ingested();
        assertThat(sent).extracting(IngestedDocument::getRelativePath).containsExactly("x-a.txt", "x-b.txt");
        assertThat(sent.get(0).getDuplicate()).isFalse();
        assertThat(sent.get(0).getText()).contains("twee keer neergezet");
        assertThat(sent.get(1).getDuplicate()).isTrue();
        assertThat(sent.get(1).getContentType()).isEqualTo("text/plain");
        assertThat(dir.resolve("done/x-a.txt")).exists();
        assertThat(dir.resolve("done/x-b.txt")).exists();
    }

    @Test
    void aCopyOfAKnownDocumentIsADuplicateAtOnce() throws Exception {
        InboxFile original = claimed("eerste.txt", "Dezelfde bytes.");
        CompletableFuture<FileOutcome> originalDone = processor.process(original);
        producer.completeNext();
        assertThat(originalDone.get(10, TimeUnit.SECONDS)).isEqualTo(FileOutcome.DONE);

        CompletableFuture<FileOutcome> copyDone = processor.process(claimed("later.txt", "Dezelfde bytes."));
        producer.completeNext();

        assertThat(copyDone.get(10, TimeUnit.SECONDS)).isEqualTo(FileOutcome.DUPLICATE);
        assertThat(ingested()).extracting(IngestedDocument::getDuplicate).containsExactly(false, true);
    }

    @Test
    void aCopyOfAnOriginalThatFailsToParseFailsTheSameWayWithItsOwnReason() throws Exception {
        byte[] noise = HostileFiles.randomBytes(5_000, 7);
        InboxFile original = claimed("ruis-a.bin", noise);
        InboxFile copy = claimed("ruis-b.bin", noise);
        CompletableFuture<FileOutcome> originalDone = queuedProcessor.process(original);
        CompletableFuture<FileOutcome> copyDone = queuedProcessor.process(copy);

        runFinishingWork();

        assertThat(originalDone.get(10, TimeUnit.SECONDS)).isEqualTo(FileOutcome.FAILED);
        assertThat(copyDone.get(10, TimeUnit.SECONDS)).isEqualTo(FileOutcome.FAILED);
        ErrorReport report = ErrorReportWriter.read(dir.resolve("failed/ruis-b.bin.error.json"));
        assertThat(report.stage()).isEqualTo("parse");
        assertThat(report.reason()).startsWith("Same bytes as ruis-a.bin, which failed: Unrecognised format");
        assertThat(report.sha256()).isEqualTo(DocumentId.of(noise));
        assertThat(ingested()).as("no document, not even an empty one").isEmpty();
        assertThat(dir.resolve("done")).doesNotExist();
    }

    @Test
    void aCopyOfAnOriginalTheBrokerRefusesFailsTheSameWay() throws Exception {
        InboxFile original = claimed("groot-a.txt", "Een te groot bericht.");
        InboxFile copy = claimed("groot-b.txt", "Een te groot bericht.");
        CompletableFuture<FileOutcome> originalDone = processor.process(original);
        CompletableFuture<FileOutcome> copyDone = processor.process(copy);

        producer.errorNext(new RecordTooLargeException("too large"));

        assertThat(originalDone.get(10, TimeUnit.SECONDS)).isEqualTo(FileOutcome.FAILED);
        assertThat(copyDone.get(10, TimeUnit.SECONDS)).isEqualTo(FileOutcome.FAILED);
        ErrorReport report = ErrorReportWriter.read(dir.resolve("failed/groot-b.txt.error.json"));
        assertThat(report.stage()).isEqualTo("produce");
        assertThat(report.reason()).startsWith("Same bytes as groot-a.txt, which failed: The event could not be sent");
        assertThat(ingested()).as("only the refused original; no duplicate").hasSize(1)
                .allSatisfy(e -> assertThat(e.getDuplicate()).isFalse());
    }

    @Test
    void aCopyOfAnOriginalKeptForARetryIsKeptToo() throws Exception {
        InboxFile original = claimed("wacht-a.txt", "Even wachten op de broker.");
        InboxFile copy = claimed("wacht-b.txt", "Even wachten op de broker.");
        CompletableFuture<FileOutcome> originalDone = processor.process(original);
        CompletableFuture<FileOutcome> copyDone = processor.process(copy);

        producer.errorNext(new TimeoutException("broker unavailable"));

        assertThat(originalDone.get(10, TimeUnit.SECONDS)).isEqualTo(FileOutcome.KEPT);
        assertThat(copyDone.get(10, TimeUnit.SECONDS)).isEqualTo(FileOutcome.KEPT);
        assertThat(original.path()).exists();
        assertThat(copy.path()).exists();
        assertThat(ingested()).as("no duplicate was sent").hasSize(1);
    }

    /** Document events handed to the producer so far, in order. */
    private List<IngestedDocument> ingested() {
        return producer.history().stream().filter(r -> r.topic().equals(Topics.INGESTED))
                .map(r -> topics.ingested.valueSerde().deserializer().deserialize(Topics.INGESTED, r.value()))
                .toList();
    }

    private void runFinishingWork() {
        for (Runnable task = finishing.poll(); task != null; task = finishing.poll()) {
            task.run();
        }
    }

    private InboxFile claimed(String name, String text) throws Exception {
        return claimed(name, text.getBytes(StandardCharsets.UTF_8));
    }

    private InboxFile claimed(String name, byte[] bytes) throws Exception {
        Path path = Files.write(Files.createDirectories(dir.resolve("claimed")).resolve(name), bytes);
        return InboxFile.of(path, name, Files.readAttributes(path, BasicFileAttributes.class));
    }
}
