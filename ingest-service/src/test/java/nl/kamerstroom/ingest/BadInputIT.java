package nl.kamerstroom.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import nl.kamerstroom.ingest.inbox.ErrorReport;
import nl.kamerstroom.ingest.inbox.ErrorReportWriter;
import nl.kamerstroom.ingest.pipeline.DocumentId;
import nl.kamerstroom.ingest.testing.Fixtures;
import nl.kamerstroom.ingest.testing.HostileFiles;
import nl.kamerstroom.schema.FailedDocument;
import nl.kamerstroom.testkit.KafkaStack;
import nl.kamerstroom.testkit.WithKafkaStack;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every kind of bad input ends in failed/ with a reason beside it and a failure event, and the service goes on. */
@WithKafkaStack
class BadInputIT {

    @TempDir
    Path dir;

    @Test
    void eachBadFileFailsWithAClearReasonAndTheServiceGoesOn(KafkaStack stack) throws Exception {
        Path outside = Files.writeString(Files.createDirectories(dir.resolve("elders")).resolve("geheim.txt"),
                "Dit mag de dienst nooit lezen.");
        try (RunningIngest ingest = new RunningIngest(stack, dir, Map.of("MAX_FILE_SIZE", "3MB")).start()) {
            ingest.drop("leeg.txt", new byte[0]);
            ingest.drop("ruis.bin", HostileFiles.randomBytes(20_000, 1));
            ingest.drop("kapot.pdf", Fixtures.corruptPdf());
            ingest.drop("geheim.pdf", Fixtures.encryptedPdf("Vertrouwelijk"));
            ingest.drop("bommen/bom.zip", HostileFiles.zipBomb(64L << 20, (char) 0));
            ingest.drop("diep.html", HostileFiles.deeplyNestedHtml(200_000));
            ingest.drop("groot.txt", "Heel groot bestand. ".repeat(200_000).getBytes(StandardCharsets.UTF_8));
            Files.createSymbolicLink(ingest.inbox().resolve("link.txt"), outside);
            Path pipe = ingest.inbox().resolve("pijp");
            boolean fifo = new ProcessBuilder("mkfifo", pipe.toString()).start().waitFor() == 0;

            assertFailed(ingest, "leeg.txt", "read", "Empty file");
            assertFailed(ingest, "ruis.bin", "parse", "Unrecognised format");
            assertFailed(ingest, "kapot.pdf", "parse", "Corrupt or unreadable application/pdf");
            assertFailed(ingest, "geheim.pdf", "parse", "password-protected");
            assertFailed(ingest, "bommen/bom.zip", "parse", "Decompression bomb");
            assertFailed(ingest, "diep.html", "parse", "nested more than 10000 levels");
            assertFailed(ingest, "groot.txt", "read", "over the MAX_FILE_SIZE limit");
            assertFailed(ingest, "link.txt", "claim", "Symbolic link");
            assertThat(Files.isSymbolicLink(ingest.failed().resolve("link.txt"))).isTrue();
            assertThat(outside).hasContent("Dit mag de dienst nooit lezen.");
            if (fifo) {
                assertFailed(ingest, "pijp", "claim", "Not a regular file");
            }

            byte[] good = Fixtures.text("Na al die ellende gewoon een goed bestand " + System.nanoTime(),
                    StandardCharsets.UTF_8);
            ingest.drop("goed.txt", good);
            assertThat(ingest.events(DocumentId.of(good), 1)).hasSize(1);
            ingest.awaitIn(ingest.done(), "goed.txt");
            assertThat(ingest.service().health().up()).isTrue();
            assertThat(ingest.service().registry().scrape())
                    .contains("kamerstroom_ingest_files_total{outcome=\"failed\",service=\"ingest\"} " + (fifo ? 9 : 8))
                    .contains("kamerstroom_ingest_failures_total{service=\"ingest\",stage=\"parse\"} 5.0");
        }
    }

    @Test
    void aParsePastItsTimeLimitFails(KafkaStack stack) throws Exception {
        String[] pages = new String[300];
        java.util.Arrays.fill(pages, "Een bladzijde van een zeer lang rapport over de begroting.");
        try (RunningIngest ingest = new RunningIngest(stack, dir, Map.of("PARSE_TIMEOUT", "5ms")).start()) {
            ingest.drop("rapport.pdf", Fixtures.pdf("Rapport", "CPB", pages));

            assertFailed(ingest, "rapport.pdf", "parse", "PARSE_TIMEOUT");
            assertThat(ingest.service().health().up()).isTrue();
        }
    }

    @Test
    void anUnreadableFileFails(KafkaStack stack) throws Exception {
        assumeFalse("root".equals(System.getProperty("user.name")), "root reads files whatever their permissions");
        try (RunningIngest ingest = new RunningIngest(stack, dir, Map.of()).start()) {
            Path file = ingest.inbox().resolve("dicht.txt");
            Files.writeString(file, "onleesbaar");
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("---------"));

            assertFailed(ingest, "dicht.txt", "read", "Could not read the file");
        }
    }

    private static void assertFailed(RunningIngest ingest, String relativePath, String stage, String reason)
            throws Exception {
        Path failed = ingest.awaitIn(ingest.failed(), relativePath);
        Path json = failed.resolveSibling(failed.getFileName() + ".error.json");
        RunningIngest.await(() -> Files.exists(json), json.toString());
        ErrorReport report = ErrorReportWriter.read(json);
        assertThat(report.stage()).as(relativePath).isEqualTo(stage);
        assertThat(report.reason()).as(relativePath).contains(reason);
        assertThat(report.relativePath()).isEqualTo(relativePath);
        assertThat(report.instance()).isEqualTo("ingest-it");
        FailedDocument event = ingest.failures(relativePath, 1).get(0);
        assertThat(event.getReason()).isEqualTo(report.reason());
        assertThat(event.getStage()).isEqualTo(stage);
        assertThat(event.getFailedPath()).isEqualTo(failed.toString());
        assertThat(ingest.inbox().resolve(relativePath)).doesNotExist();
    }
}
