package nl.kamerstroom.index.opensearch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.kamerstroom.index.Documents;
import nl.kamerstroom.index.search.DocumentSearch;
import nl.kamerstroom.index.search.EntityReport;
import nl.kamerstroom.index.search.EntityType;
import nl.kamerstroom.index.search.MotionHistory;
import nl.kamerstroom.index.search.SearchRequest;
import nl.kamerstroom.index.search.SearchResult;
import nl.kamerstroom.index.store.IndexFields;
import nl.kamerstroom.index.store.SearchIndex;
import nl.kamerstroom.schema.AmountMention;
import nl.kamerstroom.schema.IndexDocument;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The OpenSearch store on a real (embedded) node: the Lucene store's guarantees and answers. */
class OpenSearchStoreIT {

    private static final String TOPIC = "documents.index";

    private OpenSearchConfig config;
    private OpenSearchConnection connection;
    private DocumentsIndex index;
    private BulkWriter writer;

    @BeforeEach
    void freshIndex() throws IOException {
        config = TestOpenSearch.freshIndex();
        connection = OpenSearchConnection.open(config.url());
        index = DocumentsIndex.ensure(connection, config);
        writer = new BulkWriter(index);
    }

    @AfterEach
    void close() throws IOException {
        connection.close();
    }

    @Test
    void upsertsByIdAndDeletesOnATombstone() throws IOException {
        write(record(0, "a", doc("a", "eerste versie")), record(1, "b", doc("b", "beta")),
                record(2, "a", doc("a", "tweede versie")), record(3, "b", null));

        assertThat(ids()).containsExactly("a");
        assertThat(text("a")).isEqualTo("tweede versie");
        assertThat(version("a")).isEqualTo(2);
    }

    /**
     * A crash after the bulk request but before the offsets were committed replays records
     * OpenSearch already has, some older than what it holds now: none may come back.
     */
    @Test
    void aReplayAfterACrashNeverPutsBackAnOlderVersionNorADeletedDocument() throws IOException {
        List<ConsumerRecord<String, IndexDocument>> history = new ArrayList<>();
        for (int offset = 0; offset < 10; offset++) {
            String id = "d" + offset % 5;
            history.add(record(offset, id, doc(id, "versie " + offset)));
        }
        history.add(record(10, "d4", null));
        write(history.subList(0, 11).toArray(ConsumerRecord[]::new));

        BulkWriter.Outcome replay = writer.write(history.subList(2, 8));
        BulkWriter.Outcome replayAll = writer.write(history);
        refresh();

        assertThat(replay.complete()).isTrue();
        assertThat(replay.written()).isZero();
        assertThat(replay.alreadyNewer()).isEqualTo(6);
        assertThat(replayAll.written()).isZero();
        assertThat(ids()).containsExactlyInAnyOrder("d0", "d1", "d2", "d3");
        for (int i = 0; i < 4; i++) {
            assertThat(text("d" + i)).isEqualTo("versie " + (i + 5));
            assertThat(version("d" + i)).isEqualTo(i + 5);
        }
    }

    @Test
    void namesADocumentTheMappingRefusesRatherThanSkippingIt() throws IOException {
        // An amount without a currency would be the field "amount." with an empty name.
        IndexDocument noCurrency = doc("bad", "een bedrag zonder valuta");
        noCurrency.getEntities().setAmounts(List.of(new AmountMention(new BigDecimal("12.50"), "", "12,50", 0, 5)));

        BulkWriter.Outcome outcome = writer.write(List.of(record(0, "bad", noCurrency), record(1, "ok", doc("ok", "goed"))));

        assertThat(outcome.complete()).isFalse();
        assertThat(outcome.unfit()).singleElement().asString().contains("document bad (documents.index-0@0): 400");
        assertThat(outcome.retryable()).isEmpty();
        assertThat(outcome.written()).isEqualTo(1);
    }

    @Test
    void answersSearchesAsTheLuceneStoreDoesOnTheSameDocuments(@TempDir Path luceneDir) throws IOException {
        List<IndexDocument> docs = List.of(
                Documents.index(Documents.ukraineLetter("ua")),
                Documents.about("n1", "De begrotingen van Defensie voor Oekraïne", "DEF", "UA", LocalDate.of(2023, 5, 1), "1000"),
                Documents.about("n2", "Begroting van Financiën en de Belastingdienst", "FIN", "NL", LocalDate.of(2022, 1, 9), "25.50"),
                Documents.about("n3", "Handel met België en Duitsland besproken", "BZ", "BE", LocalDate.of(2021, 7, 3), "999999"),
                Documents.index(Documents.plain("p1", "notitie.txt", "Een notitie zonder datum over wederopbouw")),
                Documents.index(Documents.motionRecord("regeling", Documents.MOTION, LocalDate.of(2024, 2, 1),
                        "aangehouden", List.of(), List.of())),
                Documents.index(Documents.motionRecord("votes", Documents.MOTION, LocalDate.of(2024, 3, 12),
                        "aangenomen", List.of("SP", "PvdA"), List.of("VVD"))));
        List<ConsumerRecord<String, IndexDocument>> records = new ArrayList<>();
        try (SearchIndex lucene = SearchIndex.open(luceneDir)) {
            for (IndexDocument doc : docs) {
                lucene.upsert(doc.getId(), doc);
                records.add(record(records.size(), doc.getId(), doc));
            }
            lucene.commit(Map.of());
            lucene.refresh();
            write(records.toArray(ConsumerRecord[]::new));
            DocumentSearch luceneSearch = new DocumentSearch(lucene);
            OpenSearchSearch openSearch = new OpenSearchSearch(index, Duration.ofSeconds(5));

            for (SearchRequest request : List.of(SearchRequest.all(), SearchRequest.query("begroting"),
                    SearchRequest.query("Oekraïne"), SearchRequest.query("title:steun"), SearchRequest.query("wederopbouw"),
                    SearchRequest.query("ministry:BZ"), SearchRequest.query("begrot*"),
                    new SearchRequest(null, null, "BZ", null, null, null, null, null, null, null, null, null, "EUR", 10, 0),
                    new SearchRequest(null, null, null, null, null, null, null, null, null, LocalDate.of(2022, 1, 1),
                            LocalDate.of(2023, 12, 31), null, "EUR", 10, 0),
                    new SearchRequest(null, null, null, null, null, null, null, null, null, null, null, new BigDecimal("1000"),
                            "EUR", 10, 0),
                    new SearchRequest(null, null, null, null, null, null, "Tweede Kamer", null, "aangenomen", null,
                            null, null, "EUR", 10, 0),
                    new SearchRequest(null, null, null, null, null, null, null, "h-tk-2024-regeling", null, null,
                            null, null, "EUR", 10, 0),
                    SearchRequest.query("motionStatus:aangehouden"))) {
                SearchResult expected = luceneSearch.search(request);
                SearchResult actual = openSearch.search(request);
                assertThat(actual.total()).as("total of %s", request).isEqualTo(expected.total());
                assertThat(hitIds(actual)).as("hits of %s", request).containsExactlyInAnyOrderElementsOf(hitIds(expected));
                assertThat(actual.facets()).as("facets of %s", request).isEqualTo(expected.facets());
                assertThat(actual.hits()).extracting(SearchResult.Hit::document)
                        .containsExactlyInAnyOrderElementsOf(expected.hits().stream().map(SearchResult.Hit::document).toList());
            }
            assertThat(hitIds(openSearch.search(SearchRequest.all()))).as("newest first, undated last")
                    .isEqualTo(hitIds(luceneSearch.search(SearchRequest.all())));
            assertThat(openSearch.search(SearchRequest.query("Oekraïne")).hits().getFirst().snippet()).contains("<mark>");
            assertThat(openSearch.document("ua")).isEqualTo(luceneSearch.document("ua"));
            assertThat(openSearch.document("missing")).isEmpty();
            assertThat(openSearch.counts(IndexFields.COUNTRY, 10)).isEqualTo(luceneSearch.counts(IndexFields.COUNTRY, 10));
            assertThat(openSearch.names(IndexFields.MINISTRY)).isNotEmpty()
                    .isEqualTo(luceneSearch.names(IndexFields.MINISTRY));
            assertThat(openSearch.names(IndexFields.COUNTRY)).isEqualTo(luceneSearch.names(IndexFields.COUNTRY));
            MotionHistory motion = luceneSearch.motion(Documents.MOTION);
            assertThat(motion.last().id()).isEqualTo("votes");
            assertThat(openSearch.motion(Documents.MOTION)).isEqualTo(motion);
            assertThat(openSearch.motion("kst-99999-1")).isEqualTo(luceneSearch.motion("kst-99999-1"));
            assertThat(openSearch.counts(IndexFields.MOTION_STATUS, 10))
                    .isEqualTo(luceneSearch.counts(IndexFields.MOTION_STATUS, 10)).hasSize(2);
            assertThat(luceneSearch.entity(EntityType.MOTION, Documents.MOTION, 10, 0).mentions()).isEqualTo(2);
            for (EntityPage page : List.of(new EntityPage(EntityType.MINISTRY, "BZ", 10, 0),
                    new EntityPage(EntityType.COUNTRY, "UA", 10, 0), new EntityPage(EntityType.COUNTRY, "UA", 1, 1),
                    new EntityPage(EntityType.MOTION, Documents.MOTION, 10, 0),
                    new EntityPage(EntityType.DOSSIER, "36045", 2, 0), new EntityPage(EntityType.MINISTRY, "XYZ", 10, 0))) {
                assertThat(openSearch.entity(page.type(), page.id(), page.limit(), page.offset())).as("%s", page)
                        .isEqualTo(luceneSearch.entity(page.type(), page.id(), page.limit(), page.offset()));
            }
        }
    }

    private record EntityPage(EntityType type, String id, int limit, int offset) {
    }

    @Test
    void analysesDutchTextAsTheLuceneStoreDoes() throws IOException {
        String text = "De ministeries bespraken de begrotingen, de wederopbouw van Oekraïne en Zeeuwse vissers' havens.";
        JsonNode analysed = connection.request("POST", "/" + index.name() + "/_analyze",
                Map.of("field", IndexFields.TEXT, "text", text));
        List<String> openSearchTokens = new ArrayList<>();
        analysed.path("tokens").forEach(token -> openSearchTokens.add(token.path("token").asText()));

        assertThat(openSearchTokens).isNotEmpty().isEqualTo(luceneTokens(text));
    }

    @Test
    void refusesAnExistingIndexWhoseMappingDoesNotFit() throws IOException {
        String name = config.index() + "-wrong";
        connection.request("PUT", "/" + name, Map.of("mappings", Map.of("properties",
                Map.of("text", Map.of("type", "keyword"), "title", Map.of("type", "text")))));

        assertThatThrownBy(() -> DocumentsIndex.ensure(connection,
                new OpenSearchConfig(config.url(), name, 1, 0, "group")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("does not fit")
                .hasMessageContaining("text.type is \"keyword\", expected \"text\"")
                .hasMessageContaining("title.analyzer is missing, expected \"dutch\"");
    }

    @SafeVarargs
    private void write(ConsumerRecord<String, IndexDocument>... records) throws IOException {
        BulkWriter.Outcome outcome = writer.write(List.of(records));
        assertThat(outcome.complete()).as("bulk outcome %s", outcome).isTrue();
        refresh();
    }

    private void refresh() throws IOException {
        connection.request("POST", "/" + index.name() + "/_refresh", null);
    }

    private List<String> ids() throws IOException {
        JsonNode hits = connection.request("POST", "/" + index.name() + "/_search",
                Map.of("size", 100, "_source", false)).path("hits").path("hits");
        List<String> ids = new ArrayList<>();
        hits.forEach(hit -> ids.add(hit.path("_id").asText()));
        return ids;
    }

    private String text(String id) throws IOException {
        return connection.request("GET", "/" + index.name() + "/_doc/" + id, null).path("_source").path("text").asText();
    }

    private long version(String id) throws IOException {
        return connection.request("GET", "/" + index.name() + "/_doc/" + id, null).path("_version").asLong();
    }

    private static List<String> hitIds(SearchResult result) {
        return result.hits().stream().map(hit -> (String) hit.document().get("id")).toList();
    }

    private static List<String> luceneTokens(String text) throws IOException {
        List<String> tokens = new ArrayList<>();
        try (Analyzer analyzer = IndexFields.analyzer(); TokenStream stream = analyzer.tokenStream(IndexFields.TEXT, text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                tokens.add(term.toString());
            }
            stream.end();
        }
        return tokens;
    }

    private static IndexDocument doc(String id, String text) {
        return Documents.index(Documents.plain(id, id + ".txt", text));
    }

    private static ConsumerRecord<String, IndexDocument> record(long offset, String id, IndexDocument value) {
        return new ConsumerRecord<>(TOPIC, 0, offset, id, value);
    }
}
