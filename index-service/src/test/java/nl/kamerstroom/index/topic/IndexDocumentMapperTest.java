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
    void titleTheTextStatesElseTheFileMetadataTitleElseTheFileName() {
        EnrichedDocument withFileTitle = Documents.ukraineLetter("abc");
        withFileTitle.getDocument().setTitle("4.2 Oekraïne");
        assertThat(Documents.index(withFileTitle).getTitle()).isEqualTo("Steun aan Oekraïne");

        EnrichedDocument noTextTitle = Documents.ukraineLetter("abc");
        noTextTitle.getDocument().setTitle("Kamerbrief over Oekraïne");
        noTextTitle.getTextMetadata().setTitle(" ");
        assertThat(Documents.index(noTextTitle).getTitle()).isEqualTo("Kamerbrief over Oekraïne");

        noTextTitle.getDocument().setTitle("");
        assertThat(Documents.index(noTextTitle).getTitle()).isEqualTo("kamerbrief-oekraine.pdf");
    }

    @Test
    void chamberAndPublicIdComeFromTheText() {
        EnrichedDocument votes = Documents.ukraineLetter("abc");
        votes.getTextMetadata().setChamber("Tweede Kamer");
        votes.getTextMetadata().setDocumentId("h-tk-20232024-50-12");

        IndexDocument doc = Documents.index(votes);

        assertThat(doc.getChamber()).isEqualTo("Tweede Kamer");
        assertThat(doc.getDocumentId()).isEqualTo("h-tk-20232024-50-12");
        assertThat(Documents.index(Documents.plain("p", "p.txt", "tekst")).getDocumentId()).isNull();
    }

    @Test
    void dateFromTheTextElseTheDutchDayTheFileWasCreated() {
        // the file was made on 1 March 2024 (see Documents.ingested); the text states 2018
        EnrichedDocument debate = Documents.ukraineLetter("abc");
        debate.getTextMetadata().setDate(LocalDate.of(2018, 6, 14));
        assertThat(Documents.index(debate).getDate()).isEqualTo(LocalDate.of(2018, 6, 14));

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
