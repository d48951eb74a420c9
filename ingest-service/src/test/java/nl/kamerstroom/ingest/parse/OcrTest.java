package nl.kamerstroom.ingest.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import nl.kamerstroom.ingest.testing.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A scanned page is read by Tesseract when it is installed (skipped where it is not). */
class OcrTest {

    @TempDir
    Path dir;

    @Test
    void aPdfPageWithoutTextLayerIsReadByOcr() throws Exception {
        OcrSupport ocr = OcrSupport.detect();
        assumeTrue(ocr.available(), "tesseract is not installed");
        Path scan = Files.write(dir.resolve("scan.pdf"),
                Fixtures.scannedPdf("Motie over de begroting", "van het ministerie van Financien"));

        Extraction e = new TikaExtractor(100_000, ocr, Duration.ofSeconds(60), new LanguageGuesser()).extract(scan);

        assertThat(e.ocrUsed()).isTrue();
        assertThat(e.text()).contains("Motie over de begroting").contains("Financien");
    }
}
