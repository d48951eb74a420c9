package nl.kamerstroom.index.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import nl.kamerstroom.index.Documents;
import nl.kamerstroom.index.store.DocumentJson;
import nl.kamerstroom.index.store.IndexFields;
import nl.kamerstroom.index.store.SearchIndex;
import nl.kamerstroom.schema.AmountMention;
import nl.kamerstroom.schema.IndexDocument;
import nl.kamerstroom.schema.MinistryMention;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DocumentSearchTest {

    @TempDir
    Path dir;

    private SearchIndex index;
    private DocumentSearch search;

    @BeforeEach
    void setUp() throws IOException {
        index = SearchIndex.open(dir);
        index.upsert("letter", Documents.index(Documents.ukraineLetter("letter")));
        index.upsert("fin", Documents.about("fin", "De begroting van Financiën voor Duitsland.", "FIN", "DE",
                LocalDate.of(2023, 6, 1), "1500.50"));
        index.upsert("def", Documents.about("def", "Defensie koopt materieel in Duitsland.", "DEF", "DE",
                LocalDate.of(2022, 1, 15), "2000000"));
        index.upsert("undated", Documents.index(Documents.plain("undated", "memo <script>.txt",
                "Een memo over <script>alert(1)</script> begrotingen.")));
        index.refresh();
        search = new DocumentSearch(index);
    }

    @AfterEach
    void tearDown() throws IOException {
        index.close();
    }

    @Test
    void anEmptyQueryListsEveryDocumentNewestFirst() throws IOException {
        SearchResult result = search.search(SearchRequest.all());

        assertThat(result.total()).isEqualTo(4);
        assertThat(ids(result)).containsExactly("undated", "letter", "fin", "def");
    }

    @Test
    void fullTextUsesDutchStemming() throws IOException {
        // "begrotingen" (plural) in the query finds "begroting" (singular) in the text, and vice versa
        assertThat(ids(search.search(SearchRequest.query("begrotingen")))).containsExactlyInAnyOrder(
                "letter", "fin", "undated");
        assertThat(ids(search.search(SearchRequest.query("wederopbouw oekraïne")))).containsExactly("letter");
        assertThat(ids(search.search(SearchRequest.query("title:oekraïne")))).containsExactly("letter");
    }

    @Test
    void snippetsMarkMatchesAndEscapeTheText() throws IOException {
        SearchResult letter = search.search(SearchRequest.query("wederopbouw"));
        assertThat(letter.hits().getFirst().snippet()).contains("<mark>wederopbouw</mark>");

        SearchResult memo = search.search(SearchRequest.query("memo"));
        assertThat(memo.hits().getFirst().snippet())
                .contains("<mark>memo</mark>", "&lt;script&gt;")
                .doesNotContain("<script>");
    }

    @Test
    void hitsCutLongEntityListsWhileTheDocumentAndEntityPagesKeepEveryMention() throws IOException {
        IndexDocument table = Documents.about("table", "Een tabel met bedragen.", "FIN", "NL",
                LocalDate.of(2024, 1, 1), "1");
        table.getEntities().setAmounts(IntStream.range(0, 250).mapToObj(i -> new AmountMention(BigDecimal.valueOf(i),
                "EUR", "€ " + i, i * 10, i * 10 + 3)).toList());
        table.getEntities().setMinistries(IntStream.range(0, 150).mapToObj(i -> new MinistryMention("FIN",
                "Ministerie van Financiën", null, "Financiën", i * 10, i * 10 + 9)).toList());
        index.upsert("table", table);
        index.refresh();

        Map<String, Object> hit = search.search(SearchRequest.query("tabel")).hits().getFirst().document();
        assertThat((List<?>) hit.get("amounts")).hasSize(DocumentJson.LISTED_MENTIONS);
        assertThat((List<?>) hit.get("ministries")).hasSize(DocumentJson.LISTED_MENTIONS);
        assertThat(hit.get(DocumentJson.MENTION_TOTALS)).isEqualTo(Map.of("ministries", 150, "amounts", 250));

        Map<String, Object> whole = search.document("table").orElseThrow();
        assertThat((List<?>) whole.get("amounts")).hasSize(250);
        assertThat(whole).doesNotContainKey(DocumentJson.MENTION_TOTALS);
        Map<String, Object> onEntityPage = search.mentioning(IndexFields.MINISTRY, "FIN", 10).views().stream()
                .filter(view -> "table".equals(view.get("id"))).findFirst().orElseThrow();
        assertThat((List<?>) onEntityPage.get("ministries")).hasSize(150);
    }

    @Test
    void filtersByEntityDossierTypeFileDateAndAmount() throws IOException {
        assertThat(ids(search.search(with(r -> r.ministry("BZ"))))).containsExactly("letter");
        assertThat(ids(search.search(with(r -> r.country("DE"))))).containsExactlyInAnyOrder("fin", "def");
        assertThat(ids(search.search(with(r -> r.dossier("36045"))))).containsExactly("letter");
        // the letter's own Kamerstuk kst-36045-60 counts as dossier 36045 too; another dossier finds nothing
        assertThat(ids(search.search(with(r -> r.dossier("99999"))))).isEmpty();
        assertThat(ids(search.search(with(r -> r.type("Kamerbrief"))))).containsExactly("letter");
        assertThat(ids(search.search(with(r -> r.file("memo <script>.txt"))))).containsExactly("undated");
        assertThat(ids(search.search(with(r -> r.from(LocalDate.of(2023, 1, 1)).to(LocalDate.of(2023, 12, 31))))))
                .containsExactly("fin");
        assertThat(ids(search.search(with(r -> r.minAmount(new BigDecimal("1500.50"))))))
                .containsExactlyInAnyOrder("letter", "fin", "def");
        assertThat(ids(search.search(with(r -> r.minAmount(new BigDecimal("1500.51"))))))
                .containsExactlyInAnyOrder("letter", "def");
        assertThat(ids(search.search(with(r -> r.minAmount(new BigDecimal("1000000")).currency("USD"))))).isEmpty();
    }

    @Test
    void facetsCountAllMatchesNotJustThePage() throws IOException {
        SearchResult result = search.search(with(r -> r.limit(1)));

        assertThat(result.hits()).hasSize(1);
        assertThat(result.facets().get("country")).containsExactly(new SearchResult.FacetValue("DE", 2),
                new SearchResult.FacetValue("UA", 1));
        assertThat(result.facets().get("year")).extracting(SearchResult.FacetValue::value)
                .containsExactlyInAnyOrder("2022", "2023", "2024");
        assertThat(search.counts("ministry", 10)).extracting(SearchResult.FacetValue::value)
                .containsExactlyInAnyOrder("BZ", "FIN", "DEF");
    }

    @Test
    void pagesThroughTheHits() throws IOException {
        assertThat(ids(search.search(with(r -> r.limit(2).offset(1))))).containsExactly("letter", "fin");
        assertThat(ids(search.search(with(r -> r.offset(10))))).isEmpty();
    }

    @Test
    void aDocumentComesBackWholeWithItsText() throws IOException {
        Map<String, Object> doc = search.document("letter").orElseThrow();

        assertThat(doc).containsEntry("id", "letter").containsEntry("title", "Steun aan Oekraïne")
                .containsEntry("date", "2024-03-01").containsEntry("text", Documents.UKRAINE_TEXT);
        assertThat((List<?>) doc.get("amounts")).singleElement().isEqualTo(Map.of("value", "300000000.00",
                "currency", "EUR", "text", "300 miljoen euro", "start", 41, "end", 57));
        assertThat(search.document("missing")).isEmpty();
    }

    @Test
    void unparseableAndExpensiveQueriesAreRefusedWithAReason() {
        assertThatThrownBy(() -> search.search(SearchRequest.query("oekraïne AND (")))
                .isInstanceOf(InvalidQueryException.class).hasMessageContaining("Cannot parse");
        assertThatThrownBy(() -> search.search(SearchRequest.query("*raine")))
                .isInstanceOf(InvalidQueryException.class);
        assertThatThrownBy(() -> search.search(SearchRequest.query("/.*/")))
                .isInstanceOf(InvalidQueryException.class).hasMessageContaining("regular expressions");
        assertThatThrownBy(() -> search.search(SearchRequest.query("a".repeat(1001))))
                .isInstanceOf(InvalidQueryException.class);
    }

    /**
     * Lucene's default rewrite of {@code w*} or a range visits every matching word of the index,
     * however many; here a term that matches more than the clause limit is refused instead.
     */
    @Test
    void aWildcardOrRangeMatchingMoreWordsThanTheClauseLimitIsRefusedNamingTheProblem() throws IOException {
        StringBuilder words = new StringBuilder();
        for (int i = 0; i < 1100; i++) {
            words.append(String.format("w%04d ", i));
        }
        index.upsert("many", Documents.index(Documents.plain("many", "many.txt", words.toString())));
        index.refresh();

        assertThat(ids(search.search(SearchRequest.query("w000*")))).containsExactly("many");
        for (String broad : List.of("w*", "text:[w0000 TO w1099]")) {
            assertThatThrownBy(() -> search.search(SearchRequest.query(broad)))
                    .isInstanceOf(InvalidQueryException.class)
                    .hasMessageContaining("matches more than 1024 words");
        }
    }

    @Test
    void aSearchThatReachesItsTimeLimitAnswersWithWhatItFoundMarkedTimedOut() throws IOException {
        DocumentSearch noTime = new DocumentSearch(index, Duration.ZERO);

        SearchResult result = noTime.search(SearchRequest.query("begrotingen"));

        assertThat(result.timedOut()).isTrue();
        assertThat(result.total()).isZero();
        assertThat(result.hits()).isEmpty();
        assertThat(search.search(SearchRequest.query("begrotingen")).timedOut()).isFalse();
    }

    @Test
    void entityNamesComeFromDocValues() throws IOException {
        assertThat(search.names("ministry")).containsExactlyInAnyOrderEntriesOf(Map.of(
                "BZ", "Ministerie van Buitenlandse Zaken", "FIN", "Ministerie FIN", "DEF", "Ministerie DEF"));
        assertThat(search.names("country")).containsEntry("UA", "Oekraïne").containsEntry("DE", "Land DE");
    }

    @Test
    void motionStatusChamberAndPublicIdAreFiltersAndMotionStatusAndChamberFacets() throws IOException {
        indexMotionRecords();

        assertThat(ids(search.search(with(r -> r.motionStatus("aangenomen"))))).containsExactly("votes");
        assertThat(ids(search.search(with(r -> r.motionStatus("aangehouden"))))).containsExactly("regeling");
        assertThat(ids(search.search(with(r -> r.chamber("Tweede Kamer")))))
                .containsExactlyInAnyOrder("regeling", "votes", "debate");
        assertThat(ids(search.search(with(r -> r.documentId("h-tk-2024-votes"))))).containsExactly("votes");
        assertThat(ids(search.search(SearchRequest.query("documentId:h-tk-2024-votes")))).containsExactly("votes");
        SearchResult all = search.search(SearchRequest.all());
        assertThat(all.facets().get("motionStatus")).containsExactlyInAnyOrder(
                new SearchResult.FacetValue("aangenomen", 1), new SearchResult.FacetValue("aangehouden", 1));
        assertThat(all.facets().get("chamber")).containsExactly(new SearchResult.FacetValue("Tweede Kamer", 3));
    }

    @Test
    void aMotionsHistoryListsEveryDocumentOldestFirstAndTheLatestStatedStatusWins() throws IOException {
        indexMotionRecords();

        MotionHistory history = search.motion(Documents.MOTION);

        assertThat(history.documents()).isEqualTo(3);
        assertThat(history.submitters()).containsExactly("Kuzu");
        assertThat(history.history()).extracting(MotionHistory.Entry::id, MotionHistory.Entry::date,
                        MotionHistory.Entry::status)
                .containsExactly(tuple("regeling", "2024-02-01", "aangehouden"),
                        tuple("votes", "2024-03-12", "aangenomen"),
                        tuple("debate", "2024-03-20", null));
        assertThat(history.last().id()).isEqualTo("votes");
        assertThat(history.last().status()).isEqualTo("aangenomen");
        assertThat(history.last().votesFor()).containsExactly("SP", "GroenLinks", "PvdA");
        assertThat(history.last().documentId()).isEqualTo("h-tk-2024-votes");
        assertThat(history.last().title()).isEqualTo("Stemmingen votes");
        assertThat(search.motion("kst-99999-1").documents()).isZero();
    }

    /** Postponed in February, adopted in March, mentioned without a status after that. */
    private void indexMotionRecords() throws IOException {
        index.upsert("regeling", Documents.index(Documents.motionRecord("regeling", Documents.MOTION,
                LocalDate.of(2024, 2, 1), "aangehouden", List.of(), List.of())));
        index.upsert("votes", Documents.index(Documents.motionRecord("votes", Documents.MOTION,
                LocalDate.of(2024, 3, 12), "aangenomen", List.of("SP", "GroenLinks", "PvdA"), List.of())));
        index.upsert("debate", Documents.index(Documents.motionRecord("debate", Documents.MOTION,
                LocalDate.of(2024, 3, 20), null, List.of(), List.of())));
        index.refresh();
    }

    private static List<String> ids(SearchResult result) {
        return result.hits().stream().map(hit -> (String) hit.document().get("id")).toList();
    }

    private static SearchRequest with(java.util.function.UnaryOperator<RequestBuilder> filters) {
        return filters.apply(new RequestBuilder()).build();
    }

    /** Test-only fluent way to fill a {@link SearchRequest}. */
    private static final class RequestBuilder {
        private String q;
        private String file;
        private String ministry;
        private String country;
        private String dossier;
        private String type;
        private String chamber;
        private String documentId;
        private String motionStatus;
        private LocalDate from;
        private LocalDate to;
        private BigDecimal minAmount;
        private String currency = SearchRequest.DEFAULT_CURRENCY;
        private int limit = 10;
        private int offset;

        RequestBuilder file(String v) { file = v; return this; }
        RequestBuilder ministry(String v) { ministry = v; return this; }
        RequestBuilder country(String v) { country = v; return this; }
        RequestBuilder dossier(String v) { dossier = v; return this; }
        RequestBuilder type(String v) { type = v; return this; }
        RequestBuilder chamber(String v) { chamber = v; return this; }
        RequestBuilder documentId(String v) { documentId = v; return this; }
        RequestBuilder motionStatus(String v) { motionStatus = v; return this; }
        RequestBuilder from(LocalDate v) { from = v; return this; }
        RequestBuilder to(LocalDate v) { to = v; return this; }
        RequestBuilder minAmount(BigDecimal v) { minAmount = v; return this; }
        RequestBuilder currency(String v) { currency = v; return this; }
        RequestBuilder limit(int v) { limit = v; return this; }
        RequestBuilder offset(int v) { offset = v; return this; }

        SearchRequest build() {
            return new SearchRequest(q, file, ministry, country, dossier, type, chamber, documentId, motionStatus,
                    from, to, minAmount, currency,
                    limit, offset);
        }
    }
}
