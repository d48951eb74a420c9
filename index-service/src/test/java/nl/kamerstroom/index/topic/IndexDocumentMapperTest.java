package nl.kamerstroom.index.topic;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import nl.kamerstroom.index.Documents;
import nl.kamerstroom.schema.EnrichedDocument;
import nl.kamerstroom.schema.IndexDocument;
import org.junit.jupiter.api.Test;

class IndexDocumentMapperTest {

    @Test
    void flattensTheEnrichedDocument() {
        EnrichedDocument enriched = Documents.ukraineLetter("abc");
        enriched.setExtractorVersion("0.2.0");

        IndexDocument doc = Documents.index(enriched);

        assertThat(doc.getId()).isEqualTo("abc");
        assertThat(doc.getFileName()).isEqualTo("kamerbrief-oekraine.pdf");
        assertThat(doc.getRelativePath()).isEqualTo("2024/kamerbrief-oekraine.pdf");
        assertThat(doc.getDocumentType()).isEqualTo("Kamerbrief");
        assertThat(doc.getLanguage()).isEqualTo("nl");
        assertThat(doc.getSender()).isEqualTo("Ministerie van Buitenlandse Zaken");
        assertThat(doc.getKamerstuk()).isEqualTo("kst-36045-60");
        assertThat(doc.getText()).isEqualTo(Documents.UKRAINE_TEXT);
        assertThat(doc.getEntities()).isEqualTo(enriched.getEntities());
        assertThat(doc.getSummary()).isEqualTo(enriched.getSummary());
        assertThat(doc.getIngestedAt()).isEqualTo(Instant.parse("2024-03-02T08:00:00Z"));
        assertThat(doc.getIndexedAt()).isEqualTo(Documents.INDEXED_AT);
        assertThat(doc.getExtractorVersion()).isEqualTo("0.2.0");
    }

    @Test
    void titleFromTheFileMetadataElseFromTheText() {
        EnrichedDocument withoutFileTitle = Documents.ukraineLetter("abc");
        assertThat(Documents.index(withoutFileTitle).getTitle()).isEqualTo("Steun aan Oekraïne");

        EnrichedDocument withFileTitle = Documents.ukraineLetter("abc");
        withFileTitle.getDocument().setTitle("Kamerbrief over Oekraïne");
        assertThat(Documents.index(withFileTitle).getTitle()).isEqualTo("Kamerbrief over Oekraïne");

        EnrichedDocument blankFileTitle = Documents.ukraineLetter("abc");
        blankFileTitle.getDocument().setTitle("  ");
        assertThat(Documents.index(blankFileTitle).getTitle()).isEqualTo("Steun aan Oekraïne");
    }

    @Test
    void dateFromTheTextElseTheDutchDayTheFileWasCreated() {
        assertThat(Documents.index(Documents.ukraineLetter("abc")).getDate()).isEqualTo(LocalDate.of(2024, 3, 1));

        // created 2024-03-01T23:30Z is already 2 March in Amsterdam
        EnrichedDocument undated = Documents.plain("p", "p.txt", "tekst");
        assertThat(Documents.index(undated).getDate()).isEqualTo(LocalDate.of(2024, 3, 2));

        undated.getDocument().setCreated(null);
        assertThat(Documents.index(undated).getDate()).isNull();
    }

    @Test
    void aTombstoneStaysATombstone() {
        assertThat(Documents.index(null)).isNull();
    }
}
