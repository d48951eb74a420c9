package nl.kamerstroom.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.kamerstroom.ingest.pipeline.DocumentId;
import nl.kamerstroom.schema.IngestedDocument;
import nl.kamerstroom.testkit.KafkaStack;
import nl.kamerstroom.testkit.WithKafkaStack;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Stopped between produce and move, restarted: nothing is lost. The done folder is made
 * unusable while the service runs, so events are acknowledged but files cannot leave the claimed
 * folder; the service is stopped there, as a crash would. A file left in the claimed folder by a
 * crash right after its claim is added too, with an identical copy beside it (a crash while the
 * copy waited for its original). The restart comes under a new instance id, as a
 * recreated container gets a new host name: it adopts the claims of the instance that is gone.
 * After it every file is in done/ and the topic holds every document, the repeats flagged as
 * duplicates.
 */
@WithKafkaStack
class CrashRestartIT {

    @TempDir
    Path dir;

    @Test
    void filesStoppedBetweenProduceAndMoveAreFinishedAfterRestart(KafkaStack stack) throws Exception {
        List<byte[]> documents = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            documents.add(("Document " + i + " over de Voorjaarsnota " + System.nanoTime())
                    .getBytes(StandardCharsets.UTF_8));
        }
        RunningIngest ingest = new RunningIngest(stack, dir, Map.of());
        ingest.start();
        Files.delete(ingest.done());
        Files.writeString(ingest.done(), "geen map: verplaatsen naar done/ mislukt");
        for (int i = 0; i < documents.size(); i++) {
            ingest.drop("stuk-" + i + ".txt", documents.get(i));
        }
        for (byte[] document : documents) {
            assertThat(ingest.events(DocumentId.of(document), 1).get(0).getDuplicate()).isFalse();
        }
        RunningIngest.await(() -> ingest.claimed().resolve("stuk-4.txt").toFile().exists()
                && !ingest.inbox().resolve("stuk-4.txt").toFile().exists(), "files acknowledged but still claimed");
        ingest.stop();

        assertThat(RunningIngest.filesBelow(ingest.claimed())).hasSize(documents.size());
        byte[] claimedAtCrash = ("Net geclaimd toen de dienst viel " + System.nanoTime())
                .getBytes(StandardCharsets.UTF_8);
        Files.write(ingest.claimed().resolve("geclaimd.txt"), claimedAtCrash);
        Files.write(ingest.claimed().resolve("geclaimd-kopie.txt"), claimedAtCrash);
        Files.delete(ingest.done());

        try (RunningIngest restarted = new RunningIngest(stack, dir, Map.of("INSTANCE_ID", "ingest-it-new")).start()) {
            for (int i = 0; i < documents.size(); i++) {
                assertThat(restarted.awaitIn(restarted.done(), "stuk-" + i + ".txt")).hasBinaryContent(documents.get(i));
                List<IngestedDocument> events = restarted.events(DocumentId.of(documents.get(i)), 2);
                assertThat(events.get(0).getDuplicate()).isFalse();
                // one repeat after the restart (two if a slow machine let the 10 s retry run before the stop)
                assertThat(events.subList(1, events.size())).isNotEmpty().allMatch(IngestedDocument::getDuplicate);
            }
            restarted.awaitIn(restarted.done(), "geclaimd.txt");
            restarted.awaitIn(restarted.done(), "geclaimd-kopie.txt");
            List<IngestedDocument> pair = restarted.events(DocumentId.of(claimedAtCrash), 2);
            assertThat(pair).extracting(IngestedDocument::getDuplicate).as("the whole document first")
                    .containsExactly(false, true);
            assertThat(pair.get(0).getText()).contains("Net geclaimd");
            RunningIngest.await(() -> {
                try {
                    return RunningIngest.filesBelow(restarted.claimed()).isEmpty()
                            && RunningIngest.filesBelow(ingest.claimed()).isEmpty();
                } catch (java.io.IOException e) {
                    return false;
                }
            }, "the claimed folders to empty");
            assertThat(RunningIngest.filesBelow(restarted.failed())).isEmpty();
        }
    }
}
