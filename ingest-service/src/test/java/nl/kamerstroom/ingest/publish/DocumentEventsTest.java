package nl.kamerstroom.ingest.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import nl.kamerstroom.ingest.inbox.InboxFile;
import nl.kamerstroom.ingest.parse.Extraction;
import nl.kamerstroom.schema.IngestedDocument;
import org.junit.jupiter.api.Test;

class DocumentEventsTest {

    private static final Instant NOW = Instant.parse("2026-01-01T12:00:00Z");
    private static final InboxFile FILE = new InboxFile(Path.of("/claimed/2024/brief.pdf"), "2024/brief.pdf", 1234,
            FileTime.from(NOW), InboxFile.Kind.REGULAR);

    private final DocumentEvents events = new DocumentEvents("ingest-1", Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void anIngestedEventCarriesTextAndMetadata() {
        Extraction extraction = new Extraction("Tekst over Oekraïne", false, "application/pdf", "Brief", "Minister",
                NOW.minusSeconds(60), NOW, 3, "nl", true, Map.of("pdf:PDFVersion", "1.7"));

        IngestedDocument event = events.ingested(FILE, "c".repeat(64), extraction, 42);

        assertThat(event.getFileName()).isEqualTo("brief.pdf");
        assertThat(event.getRelativePath()).isEqualTo("2024/brief.pdf");
        assertThat(event.getSizeBytes()).isEqualTo(1234);
        assertThat(event.getText()).isEqualTo("Tekst over Oekraïne");
        assertThat(event.getTextLength()).isEqualTo(19);
        assertThat(event.getPageCount()).isEqualTo(3);
        assertThat(event.getOcrUsed()).isTrue();
        assertThat(event.getDuplicate()).isFalse();
        assertThat(event.getIngestedAt()).isEqualTo(NOW);
        assertThat(event.getIngestInstance()).isEqualTo("ingest-1");
        assertThat(event.getExtractionMillis()).isEqualTo(42);
        assertThat(event.getMetadata()).containsEntry("pdf:PDFVersion", "1.7");
    }

    @Test
    void aDuplicateCarriesNoText() {
        IngestedDocument event = events.duplicate(FILE, "d".repeat(64), "application/pdf");

        assertThat(event.getDuplicate()).isTrue();
        assertThat(event.getText()).isEmpty();
        assertThat(event.getContentType()).isEqualTo("application/pdf");
    }

    @Test
    void textThatWouldNotFitInTheEventIsCutAtACharacterBoundary() {
        String chinese = "中".repeat(DocumentEvents.MAX_TEXT_BYTES / 3 + 10);

        String fitted = DocumentEvents.fitToBudget(chinese);

        assertThat(fitted.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(DocumentEvents.MAX_TEXT_BYTES);
        assertThat(fitted).hasSize(DocumentEvents.MAX_TEXT_BYTES / 3).matches("中+");
        String dutch = "a".repeat(6_000_000);
        assertThat(DocumentEvents.fitToBudget(dutch)).isSameAs(dutch);
    }
}
