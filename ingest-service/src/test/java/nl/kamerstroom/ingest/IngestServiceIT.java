package nl.kamerstroom.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Map;
import nl.kamerstroom.ingest.parse.OcrSupport;
import nl.kamerstroom.ingest.pipeline.DocumentId;
import nl.kamerstroom.ingest.testing.Fixtures;
import nl.kamerstroom.schema.IngestedDocument;
import nl.kamerstroom.testkit.KafkaStack;
import nl.kamerstroom.testkit.WithKafkaStack;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The service against the real broker and registry: every format, slow writers, duplicates, the endpoints. */
@WithKafkaStack
class IngestServiceIT {

    static final String DUTCH = "De Tweede Kamer heeft vandaag gestemd over de begroting van het ministerie "
            + "van Buitenlandse Zaken en de steun aan Oekraïne voor het komende jaar. ";

    @TempDir
    Path dir;

    @Test
    void eachFormatBecomesAnEventWithItsTextAndMetadata(KafkaStack stack) throws Exception {
        String marker = " Kenmerk " + System.nanoTime() + ".";
        byte[] pdf = Fixtures.pdf("Motie van het lid Jansen", "J. Jansen", DUTCH + marker, "Tweede pagina.");
        byte[] docx = Fixtures.docx("Kamerbrief over steun", "Minister van BZ", DUTCH, marker);
        byte[] html = Fixtures.html("Nieuws uit de Kamer", DUTCH + marker);
        byte[] txt = Fixtures.text(DUTCH + marker, Charset.forName("windows-1252"));
        byte[] md = Fixtures.text("# Notitie\n\n" + DUTCH + marker, StandardCharsets.UTF_8);
        try (RunningIngest ingest = new RunningIngest(stack, dir, Map.of()).start()) {
            ingest.drop("2024/moties/motie.pdf", pdf);
            ingest.drop("2024/brieven/brief.docx", docx);
            ingest.drop("nieuws.html", html);
            ingest.drop("oud/cp1252.txt", txt);
            ingest.drop("notitie.md", md);

            IngestedDocument pdfEvent = single(ingest, pdf);
            assertThat(pdfEvent.getContentType()).isEqualTo("application/pdf");
            assertThat(pdfEvent.getText()).contains("Oekraïne", marker.strip(), "Tweede pagina.");
            assertThat(pdfEvent.getTitle()).isEqualTo("Motie van het lid Jansen");
            assertThat(pdfEvent.getAuthor()).isEqualTo("J. Jansen");
            assertThat(pdfEvent.getCreated()).isEqualTo(Instant.parse("2024-03-15T10:00:00Z"));
            assertThat(pdfEvent.getPageCount()).isEqualTo(2);
            assertThat(pdfEvent.getLanguage()).isEqualTo("nl");
            assertThat(pdfEvent.getFileName()).isEqualTo("motie.pdf");
            assertThat(pdfEvent.getRelativePath()).isEqualTo("2024/moties/motie.pdf");
            assertThat(pdfEvent.getSizeBytes()).isEqualTo(pdf.length);
            assertThat(pdfEvent.getTextLength()).isEqualTo(pdfEvent.getText().length());
            assertThat(pdfEvent.getIngestInstance()).isEqualTo("ingest-it");
            assertThat(pdfEvent.getDuplicate()).isFalse();
            assertThat(pdfEvent.getTextTruncated()).isFalse();

            IngestedDocument docxEvent = single(ingest, docx);
            assertThat(docxEvent.getTitle()).isEqualTo("Kamerbrief over steun");
            assertThat(docxEvent.getAuthor()).isEqualTo("Minister van BZ");
            assertThat(docxEvent.getText()).contains("Oekraïne", marker.strip());
            assertThat(docxEvent.getRelativePath()).isEqualTo("2024/brieven/brief.docx");

            IngestedDocument htmlEvent = single(ingest, html);
            assertThat(htmlEvent.getContentType()).isEqualTo("text/html");
            assertThat(htmlEvent.getTitle()).isEqualTo("Nieuws uit de Kamer");
            assertThat(htmlEvent.getText()).contains("Oekraïne").doesNotContain("<p>");

            IngestedDocument txtEvent = single(ingest, txt);
            assertThat(txtEvent.getContentType()).isEqualTo("text/plain");
            assertThat(txtEvent.getText()).contains("Oekraïne");
            assertThat(txtEvent.getLanguage()).isEqualTo("nl");

            assertThat(single(ingest, md).getText()).contains("Oekraïne");

            for (String path : new String[] {"2024/moties/motie.pdf", "2024/brieven/brief.docx", "nieuws.html",
                    "oud/cp1252.txt", "notitie.md"}) {
                ingest.awaitIn(ingest.done(), path);
            }
            assertThat(RunningIngest.filesBelow(ingest.failed())).isEmpty();
            RunningIngest.await(() -> {
                try {
                    return RunningIngest.filesBelow(ingest.claimed()).isEmpty();
                } catch (java.io.IOException e) {
                    return false;
                }
            }, "the claimed folder to empty");
        }
    }

    @Test
    void aFiveMegabyteBudgetFlowsWhole(KafkaStack stack) throws Exception {
        StringBuilder budget = new StringBuilder(5_300_000).append("Rijksbegroting ").append(System.nanoTime());
        for (int article = 1; budget.length() < 5_242_880; article++) {
            budget.append("\nArtikel ").append(article).append(". ").append(DUTCH);
        }
        byte[] bytes = budget.toString().getBytes(StandardCharsets.UTF_8);
        try (RunningIngest ingest = new RunningIngest(stack, dir, Map.of()).start()) {
            ingest.drop("begroting.txt", bytes);

            IngestedDocument event = single(ingest, bytes);

            assertThat(event.getTextTruncated()).isFalse();
            assertThat(event.getTextLength()).isGreaterThanOrEqualTo(5_000_000);
            assertThat(event.getText().strip().endsWith(DUTCH.strip())).as("the text's last article arrived").isTrue();
            ingest.awaitIn(ingest.done(), "begroting.txt");
        }
    }

    @Test
    void aFileWrittenSlowlyInChunksIsIngestedWhole(KafkaStack stack) throws Exception {
        try (RunningIngest ingest = new RunningIngest(stack, dir, Map.of("SETTLE_TIME", "1500ms")).start()) {
            Path file = ingest.inbox().resolve("traag.txt");
            StringBuilder written = new StringBuilder();
            try (OutputStream out = Files.newOutputStream(file, StandardOpenOption.CREATE_NEW)) {
                for (int chunk = 0; chunk < 6; chunk++) {
                    String part = "Deel " + chunk + " van een langzaam geschreven verslag " + System.nanoTime() + ". ";
                    out.write(part.getBytes(StandardCharsets.UTF_8));
                    out.flush();
                    written.append(part);
                    Thread.sleep(250);
                }
            }
            byte[] whole = written.toString().getBytes(StandardCharsets.UTF_8);

            IngestedDocument event = single(ingest, whole);

            assertThat(event.getSizeBytes()).isEqualTo(whole.length);
            assertThat(event.getText()).contains("Deel 0", "Deel 5");
            assertThat(ingest.awaitIn(ingest.done(), "traag.txt")).hasBinaryContent(whole);
        }
    }

    @Test
    void theSameBytesTwiceAreRecordedAsADuplicateAndNeverOverwritten(KafkaStack stack) throws Exception {
        byte[] bytes = Fixtures.pdf("Dubbel", "Griffie", DUTCH + System.nanoTime());
        try (RunningIngest ingest = new RunningIngest(stack, dir, Map.of()).start()) {
            ingest.drop("eerste.pdf", bytes);
            ingest.awaitIn(ingest.done(), "eerste.pdf");
            ingest.drop("map/kopie.pdf", bytes);
            ingest.awaitIn(ingest.done(), "map/kopie.pdf");
            ingest.drop("eerste.pdf", bytes);
            ingest.awaitIn(ingest.done(), "eerste-1.pdf");

            var events = ingest.events(DocumentId.of(bytes), 3);

            assertThat(events).hasSize(3);
            assertThat(events.get(0).getDuplicate()).isFalse();
            assertThat(events.get(0).getText()).contains("Oekraïne");
            assertThat(events.subList(1, 3)).allSatisfy(e -> {
                assertThat(e.getDuplicate()).isTrue();
                assertThat(e.getText()).isEmpty();
                assertThat(e.getContentType()).isEqualTo("application/pdf");
            });
            assertThat(events).extracting(IngestedDocument::getRelativePath)
                    .containsExactly("eerste.pdf", "map/kopie.pdf", "eerste.pdf");
            assertThat(ingest.done().resolve("eerste.pdf")).hasBinaryContent(bytes);
            assertThat(ingest.done().resolve("eerste-1.pdf")).hasBinaryContent(bytes);
        }
    }

    @Test
    void aScannedPdfIsReadByOcrAndTheEventSaysSo(KafkaStack stack) throws Exception {
        assumeTrue(OcrSupport.detect().available(), "tesseract is not installed");
        byte[] scan = Fixtures.scannedPdf("Motie over de begroting", "ingediend op " + System.nanoTime() % 100_000);
        try (RunningIngest ingest = new RunningIngest(stack, dir, Map.of()).start()) {
            ingest.drop("scans/motie.pdf", scan);

            IngestedDocument event = single(ingest, scan);

            assertThat(event.getOcrUsed()).isTrue();
            assertThat(event.getText()).contains("Motie over de begroting");
            ingest.awaitIn(ingest.done(), "scans/motie.pdf");
            assertThat(ingest.service().registry().scrape())
                    .contains("kamerstroom_ingest_ocr_total{service=\"ingest\"} 1.0");
        }
    }

    @Test
    void healthAndMetricsAreServed(KafkaStack stack) throws Exception {
        try (RunningIngest ingest = new RunningIngest(stack, dir, Map.of()).start()) {
            byte[] bytes = Fixtures.text(DUTCH + System.nanoTime(), StandardCharsets.UTF_8);
            ingest.drop("meting.txt", bytes);
            ingest.events(DocumentId.of(bytes), 1);
            ingest.awaitIn(ingest.done(), "meting.txt");
            HttpClient http = HttpClient.newHttpClient();
            String base = "http://127.0.0.1:" + ingest.service().httpPort();

            HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(base + "/health")).build(),
                    HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> metrics = http.send(HttpRequest.newBuilder(URI.create(base + "/metrics")).build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.body()).contains("RUNNING", "ocrAvailable");
            assertThat(metrics.body())
                    .contains("kamerstroom_ingest_files_total{outcome=\"done\",service=\"ingest\"} 1.0")
                    .contains("kamerstroom_ingest_extraction_seconds_bucket")
                    .contains("kamerstroom_ingest_inbox_backlog")
                    .contains("kamerstroom_ingest_bytes_total")
                    .contains("kamerstroom_ingest_ocr_total")
                    .contains("kafka_producer_");
        }
    }

    private static IngestedDocument single(RunningIngest ingest, byte[] bytes) {
        var events = ingest.events(DocumentId.of(bytes), 1);
        assertThat(events).hasSize(1);
        return events.get(0);
    }
}
