package nl.kamerstroom.index.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import nl.kamerstroom.index.Documents;
import nl.kamerstroom.schema.AmountMention;
import nl.kamerstroom.schema.IndexDocument;
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

    @Test
    void aSearchHitCarriesTheFirstMentionsOfALongListAndItsFullCount() {
        IndexDocument table = Documents.about("table", "Een tabel.", "FIN", "NL", LocalDate.of(2024, 1, 1), "1");
        table.getEntities().setAmounts(IntStream.range(0, 250).mapToObj(i -> new AmountMention(BigDecimal.valueOf(i),
                "EUR", "€ " + i, i * 10, i * 10 + 3)).toList());
        Map<String, Object> whole = DocumentJson.withoutText(table);

        Map<String, Object> listed = DocumentJson.listed(whole).orElseThrow();

        assertThat(listed.get("amounts")).isEqualTo(((List<?>) whole.get("amounts")).subList(0, DocumentJson.LISTED_MENTIONS));
        assertThat(listed.get(DocumentJson.MENTION_TOTALS)).isEqualTo(Map.of("amounts", 250));
        assertThat(listed.get("ministries")).isEqualTo(whole.get("ministries"));
        assertThat(whole).doesNotContainKey(DocumentJson.MENTION_TOTALS);
    }

    @Test
    void aDocumentWithoutLongListsHasNoSeparateHitView() {
        assertThat(DocumentJson.listed(json)).isEmpty();
    }
}
