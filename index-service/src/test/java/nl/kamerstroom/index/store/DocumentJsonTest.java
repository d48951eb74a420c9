package nl.kamerstroom.index.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import nl.kamerstroom.index.Documents;
import org.junit.jupiter.api.Test;

class DocumentJsonTest {

    private final Map<String, Object> json = DocumentJson.withoutText(Documents.index(Documents.ukraineLetter("x")));

    @Test
    void entityListsHaveTheExtractorsShape() {
        assertThat(json.get("ministries")).isEqualTo(List.of(Map.of("id", "BZ",
                "name", "Ministerie van Buitenlandse Zaken", "text", "minister van Buitenlandse Zaken",
                "start", 3, "end", 34)));
        assertThat(json.get("countries")).isEqualTo(List.of(Map.of("id", "UA", "name", "Oekraïne",
                "text", "Oekraïne", "start", 100, "end", 108)));
        // unset optional fields (sessionYear, chamber, replaces, cs=false) are left out, as the extractor does
        assertThat(json.get("motions")).isEqualTo(List.of(Map.of("submitters", List.of("Kuzu"), "dossier", "36045",
                "number", "53", "documentId", "kst-36045-53", "text", "motie-Kuzu (Kamerstuk 36045, nr. 53)",
                "start", 117, "end", 153)));
        assertThat(json.get("amounts")).isEqualTo(List.of(Map.of("value", "300000000.00", "currency", "EUR",
                "text", "300 miljoen euro", "start", 41, "end", 57)));
    }

    @Test
    void theTextIsLeftOutButItsLengthIsKept() {
        assertThat(json).doesNotContainKey(DocumentJson.TEXT)
                .containsEntry("textLength", Documents.UKRAINE_TEXT.length())
                .containsEntry("date", "2024-03-01")
                .containsEntry("indexedAt", "2024-03-02T08:00:02Z");
    }
}
