package nl.kamerstroom.index.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import nl.kamerstroom.common.config.HttpConfig;
import nl.kamerstroom.common.http.Health;
import nl.kamerstroom.common.http.HttpServer;
import nl.kamerstroom.common.http.Response;
import nl.kamerstroom.index.Documents;
import nl.kamerstroom.index.search.DocumentSearch;
import nl.kamerstroom.index.store.SearchIndex;
import nl.kamerstroom.index.web.WebPage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SearchApiTest {

    @TempDir
    static Path dir;

    private static SearchIndex index;
    private static HttpServer server;
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws IOException {
        index = SearchIndex.open(dir);
        index.upsert("letter", Documents.index(Documents.ukraineLetter("letter")));
        index.upsert("memo", Documents.index(Documents.plain("memo", "memo.txt", "Een memo over Duitsland.")));
        // motion kst-36180-12: postponed in February, adopted in March (stored in the other order)
        index.upsert("votes", Documents.index(Documents.motionRecord("votes", Documents.MOTION,
                LocalDate.of(2024, 3, 12), "aangenomen", List.of("SP", "GroenLinks"), List.of("PVV"))));
        index.upsert("regeling", Documents.index(Documents.motionRecord("regeling", Documents.MOTION,
                LocalDate.of(2024, 2, 1), "aangehouden", List.of(), List.of())));
        index.refresh();
        SearchApi api = new SearchApi(new DocumentSearch(index), () -> Health.up("RUNNING", Map.of()),
                new SimpleMeterRegistry());
        server = api.routes(HttpServer.builder(new HttpConfig("127.0.0.1", 0)))
                .route("/", new WebPage()::answer)
                .start();
    }

    @AfterAll
    static void stop() throws IOException {
        server.close();
        index.close();
    }

    @Test
    void searchAnswersHitsWithEntitiesInTheExtractorShapeAndFacets() throws Exception {
        HttpResponse<String> response = get("/api/search?q=" + encode("oekraïne") + "&limit=5");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = Response.JSON.readTree(response.body());
        assertThat(body.get("total").asLong()).isEqualTo(1);
        JsonNode hit = body.get("hits").get(0);
        assertThat(hit.get("id").asText()).isEqualTo("letter");
        assertThat(hit.get("fileName").asText()).isEqualTo("kamerbrief-oekraine.pdf");
        assertThat(hit.get("title").asText()).isEqualTo("Steun aan Oekraïne");
        assertThat(hit.get("date").asText()).isEqualTo("2024-03-01");
        assertThat(hit.get("ministries").get(0).get("id").asText()).isEqualTo("BZ");
        assertThat(hit.get("ministries").get(0).get("start").asInt()).isEqualTo(3);
        assertThat(hit.get("countries").get(0).get("id").asText()).isEqualTo("UA");
        assertThat(hit.get("motions").get(0).get("submitters").get(0).asText()).isEqualTo("Kuzu");
        assertThat(hit.get("motions").get(0).get("dossier").asText()).isEqualTo("36045");
        assertThat(hit.get("amounts").get(0).get("value").asText()).isEqualTo("300000000.00");
        assertThat(hit.get("amounts").get(0).get("currency").asText()).isEqualTo("EUR");
        assertThat(hit.get("snippet").asText()).contains("<mark>Oekraïne</mark>");
        assertThat(body.get("facets").get("ministry").get(0).get("value").asText()).isEqualTo("BZ");
        assertThat(body.get("timedOut").asBoolean()).isFalse();
    }

    @Test
    void anEmptyQueryMatchesEverything() throws Exception {
        JsonNode body = Response.JSON.readTree(get("/api/search?q=").body());
        assertThat(body.get("total").asLong()).isEqualTo(4);
    }

    @Test
    void documentsByIdAnd404ForUnknownIds() throws Exception {
        HttpResponse<String> found = get("/api/documents/letter");
        assertThat(found.statusCode()).isEqualTo(200);
        assertThat(Response.JSON.readTree(found.body()).get("text").asText()).isEqualTo(Documents.UKRAINE_TEXT);

        assertThat(get("/api/documents/nope").statusCode()).isEqualTo(404);
    }

    @Test
    void entitiesWithDocumentCountsAndNames() throws Exception {
        JsonNode body = Response.JSON.readTree(get("/api/entities?type=ministry").body());
        assertThat(body.get("entities").get(0).get("id").asText()).isEqualTo("BZ");
        assertThat(body.get("entities").get(0).get("name").asText()).isEqualTo("Ministerie van Buitenlandse Zaken");
        assertThat(body.get("entities").get(0).get("documents").asLong()).isEqualTo(1);

        JsonNode motions = Response.JSON.readTree(get("/api/entities?type=motion").body());
        assertThat(motions.get("entities").get(0).get("id").asText()).isEqualTo(Documents.MOTION);
        assertThat(motions.get("entities").get(0).get("documents").asLong()).isEqualTo(2);
        assertThat(motions.get("entities").get(1).get("id").asText()).isEqualTo("kst-36045-53");
    }

    @Test
    void aMotionAnswersEveryDocumentWithItsStatusAndTheLastKnownStatus() throws Exception {
        HttpResponse<String> response = get("/api/motions/" + Documents.MOTION);

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = Response.JSON.readTree(response.body());
        assertThat(body.get("id").asText()).isEqualTo(Documents.MOTION);
        assertThat(body.get("documents").asLong()).isEqualTo(2);
        assertThat(body.get("submitters").get(0).asText()).isEqualTo("Kuzu");
        JsonNode last = body.get("lastStatus");
        assertThat(last.get("status").asText()).isEqualTo("aangenomen");
        assertThat(last.get("document").asText()).isEqualTo("votes");
        assertThat(last.get("date").asText()).isEqualTo("2024-03-12");
        assertThat(last.get("votesFor").valueStream().map(JsonNode::asText)).containsExactly("SP", "GroenLinks");
        assertThat(last.get("votesAgainst").valueStream().map(JsonNode::asText)).containsExactly("PVV");
        JsonNode history = body.get("history");
        assertThat(history.valueStream().map(d -> d.get("id").asText())).containsExactly("regeling", "votes");
        JsonNode postponed = history.get(0);
        assertThat(postponed.get("status").asText()).isEqualTo("aangehouden");
        assertThat(postponed.get("title").asText()).isEqualTo("Stemmingen regeling");
        assertThat(postponed.get("documentType").asText()).isEqualTo("Handelingen");
        assertThat(postponed.get("documentId").asText()).isEqualTo("h-tk-2024-regeling");
        assertThat(postponed.get("votesFor")).isEmpty();
    }

    @Test
    void anUnknownMotionIsA404ThatSaysWhereToLook() throws Exception {
        HttpResponse<String> response = get("/api/motions/kst-36180-99");

        assertThat(response.statusCode()).isEqualTo(404);
        JsonNode body = Response.JSON.readTree(response.body());
        assertThat(body.get("error").asText()).isEqualTo("No document mentions motion kst-36180-99");
        assertThat(body.get("hint").asText()).contains("/api/entities?type=motion");
    }

    @Test
    void searchFiltersAndCountsByMotionStatusChamberAndPublicId() throws Exception {
        JsonNode adopted = Response.JSON.readTree(get("/api/search?motionStatus=aangenomen").body());
        assertThat(adopted.get("total").asLong()).isEqualTo(1);
        JsonNode hit = adopted.get("hits").get(0);
        assertThat(hit.get("id").asText()).isEqualTo("votes");
        assertThat(hit.get("chamber").asText()).isEqualTo("Tweede Kamer");
        assertThat(hit.get("documentId").asText()).isEqualTo("h-tk-2024-votes");
        assertThat(hit.get("motions").get(0).get("status").asText()).isEqualTo("aangenomen");
        assertThat(hit.get("motions").get(0).get("votesFor").get(1).asText()).isEqualTo("GroenLinks");

        JsonNode all = Response.JSON.readTree(get("/api/search").body());
        assertThat(all.get("facets").get("motionStatus").valueStream().map(v -> v.get("value").asText()))
                .containsExactlyInAnyOrder("aangenomen", "aangehouden");
        assertThat(all.get("facets").get("chamber").get(0).get("count").asLong()).isEqualTo(2);
        assertThat(Response.JSON.readTree(get("/api/search?chamber=" + encode("Tweede Kamer")).body())
                .get("total").asLong()).isEqualTo(2);
        assertThat(Response.JSON.readTree(get("/api/search?documentId=h-tk-2024-regeling").body())
                .get("hits").get(0).get("id").asText()).isEqualTo("regeling");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "/api/motions/",
        "/api/motions/36180-12",                 // no kst- prefix
        "/api/motions/kst-36180",                // no number
        "/api/motions/Kuzu",
        "/api/motions/kst-36180-12/extra",
        "/api/search?q=%28oekra%C3%AFne",       // unbalanced parenthesis
        "/api/search?q=*raine",                 // leading wildcard
        "/api/search?limit=-1",
        "/api/search?limit=ten",
        "/api/search?offset=-5",
        "/api/search?offset=100000",
        "/api/search?from=yesterday",
        "/api/search?from=2024-05-01&to=2024-01-01",
        "/api/search?minAmount=lots",
        "/api/search?minAmount=-3",
        "/api/search?minAmount=1e999999999",
        "/api/entities?type=person",
        "/api/entities?type=country&limit=1001",  // more than 1,000 entities per request
        "/api/entities",
    })
    void badParametersGetA400WithAMessage(String path) throws Exception {
        HttpResponse<String> response = get(path);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(Response.JSON.readTree(response.body()).get("error").asText()).isNotBlank();
    }

    @Test
    void aLargeLimitIsCappedNotRefused() throws Exception {
        assertThat(get("/api/search?limit=100000").statusCode()).isEqualTo(200);
    }

    @Test
    void servesTheSearchPageAtTheRoot() throws Exception {
        HttpResponse<String> page = get("/");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("html"));
        assertThat(page.body()).contains("/static/search.js");
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp ->
                assertThat(csp).contains("script-src 'self'"));
        assertThat(get("/static/search.js").body()).contains("/api/search?");
        assertThat(get("/nothing-here").statusCode()).isEqualTo(404);
    }

    @Test
    void healthIsServedUnderTheApi() throws Exception {
        assertThat(get("/api/health").statusCode()).isEqualTo(200);
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return CLIENT.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
