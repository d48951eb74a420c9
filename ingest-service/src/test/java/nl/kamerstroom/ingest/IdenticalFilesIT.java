package nl.kamerstroom.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.kamerstroom.ingest.inbox.ErrorReport;
import nl.kamerstroom.ingest.inbox.ErrorReportWriter;
import nl.kamerstroom.ingest.pipeline.DocumentId;
import nl.kamerstroom.ingest.testing.HostileFiles;
import nl.kamerstroom.schema.IngestedDocument;
import nl.kamerstroom.testkit.KafkaStack;
import nl.kamerstroom.testkit.WithKafkaStack;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Identical files moved into the inbox at once, as an operator copying a folder twice would: the
 * copy of a document still being parsed must wait for it, so its duplicate event (empty text)
 * never reaches the topic before the document itself, and a copy of a file that fails fails too
 * rather than leaving an empty document behind.
 */
@WithKafkaStack
class IdenticalFilesIT {

    private static final int PAIRS = 40;

    @TempDir
    Path dir;

    @Test
    void eachDocumentArrivesWholeBeforeItsDuplicate(KafkaStack stack) throws Exception {
        List<byte[]> documents = new ArrayList<>();
        for (int i = 0; i < PAIRS; i++) {
            documents.add(text(i).getBytes(StandardCharsets.UTF_8));
        }
        try (RunningIngest ingest = new RunningIngest(stack, dir, Map.of()).start()) {
            Path staging = Files.createDirectories(dir.resolve("staging"));
            for (int i = 0; i < PAIRS; i++) {
                Files.write(staging.resolve(i + "-a.txt"), documents.get(i));
                Files.write(staging.resolve(i + "-b.txt"), documents.get(i));
            }
            moveAllInto(staging, ingest.inbox());

            for (int i = 0; i < PAIRS; i++) {
                List<IngestedDocument> events = ingest.events(DocumentId.of(documents.get(i)), 2);
                assertThat(events).as("events of pair %d, in topic order", i).hasSize(2);
                assertThat(events.get(0).getDuplicate()).as("pair %d: the document comes first", i).isFalse();
                assertThat(events.get(0).getText()).contains("Document " + i + " ");
                assertThat(events.get(1).getDuplicate()).isTrue();
                assertThat(events).extracting(IngestedDocument::getRelativePath)
                        .containsExactlyInAnyOrder(i + "-a.txt", i + "-b.txt");
                assertThat(ingest.awaitIn(ingest.done(), i + "-a.txt")).hasBinaryContent(documents.get(i));
                assertThat(ingest.awaitIn(ingest.done(), i + "-b.txt")).hasBinaryContent(documents.get(i));
            }
            assertThat(RunningIngest.filesBelow(ingest.failed())).isEmpty();
            assertThat(RunningIngest.filesBelow(ingest.claimed())).isEmpty();
        }
    }

    @Test
    void aCopyOfAFileThatFailsFailsTooAndNothingIsSent(KafkaStack stack) throws Exception {
        // A bomb takes a while to fail (tens of MB are inflated first), so each copy is taken
        // while its original is still being parsed.
        List<byte[]> bombs = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            bombs.add(HostileFiles.zipBomb((64L << 20) + System.nanoTime() % 1000 + i, (char) 0));
        }
        try (RunningIngest ingest = new RunningIngest(stack, dir, Map.of()).start()) {
            Path staging = Files.createDirectories(dir.resolve("staging"));
            for (int i = 0; i < bombs.size(); i++) {
                Files.write(staging.resolve(i + "-a.zip"), bombs.get(i));
                Files.write(staging.resolve(i + "-b.zip"), bombs.get(i));
            }
            moveAllInto(staging, ingest.inbox());

            for (int i = 0; i < bombs.size(); i++) {
                for (String copy : List.of(i + "-a.zip", i + "-b.zip")) {
                    Path failed = ingest.awaitIn(ingest.failed(), copy);
                    Path json = failed.resolveSibling(copy + ".error.json");
                    RunningIngest.await(() -> Files.exists(json), json.toString());
                    ErrorReport report = ErrorReportWriter.read(json);
                    assertThat(report.stage()).isEqualTo("parse");
                    assertThat(report.reason()).as(copy).contains("Decompression bomb");
                    assertThat(report.sha256()).isEqualTo(DocumentId.of(bombs.get(i)));
                }
                ingest.failures(i + "-b.zip", 1);
            }
            for (byte[] bytes : bombs) {
                assertThat(ingest.eventsNow(DocumentId.of(bytes))).as("no document, not even an empty one").isEmpty();
            }
            assertThat(RunningIngest.filesBelow(ingest.done())).isEmpty();
        }
    }

    /** About 20 KB of Dutch prose, different for each {@code n}. */
    private static String text(int n) {
        StringBuilder text = new StringBuilder("Document ").append(n).append(' ').append(System.nanoTime()).append(". ");
        while (text.length() < 20_000) {
            text.append(IngestServiceIT.DUTCH);
        }
        return text.toString();
    }

    /** Renames every file into the inbox in one go, as a move of a whole folder would. */
    private static void moveAllInto(Path staging, Path inbox) throws Exception {
        try (var files = Files.list(staging)) {
            for (Path file : files.toList()) {
                Files.move(file, inbox.resolve(file.getFileName()));
            }
        }
    }
}
