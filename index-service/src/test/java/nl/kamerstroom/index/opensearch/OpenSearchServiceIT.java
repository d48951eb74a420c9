package nl.kamerstroom.index.opensearch;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import nl.kamerstroom.common.http.Response;
import nl.kamerstroom.index.Documents;
import nl.kamerstroom.index.IndexService;
import nl.kamerstroom.index.IndexServiceHarness;
import nl.kamerstroom.schema.EnrichedDocument;
import nl.kamerstroom.testkit.KafkaStack;
import nl.kamerstroom.testkit.WithKafkaStack;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The index-service with {@code INDEX_STORE=opensearch} on the real broker and registry and an
 * embedded OpenSearch node: documents.enriched → documents.index → OpenSearch → the same HTTP API.
 */
@WithKafkaStack
class OpenSearchServiceIT extends IndexServiceHarness {

    OpenSearchServiceIT(KafkaStack stack) {
        // Generous: OpenSearch, the broker and other test JVMs share two cores.
        super(stack, Duration.ofSeconds(120));
    }

    @Test
    void feedsOpenSearchFromTheIndexTopicAndAReplayFromTheBeginningChangesNothing(@TempDir Path dir) throws Exception {
        String run = KafkaStack.uniqueName("os");
        OpenSearchConfig openSearch = TestOpenSearch.freshIndex();
        int documents = 12;
        try (IndexService service = start(dir.resolve("a"), run, openSearch, run + "-group")) {
            EnrichedDocument[] docs = new EnrichedDocument[documents];
            for (int i = 0; i < documents; i++) {
                docs[i] = Documents.plain(run + "-" + i, run + "-" + i + ".txt", "De begrotingen van " + run + " nummer " + i);
            }
            send(docs);
            send(Documents.ukraineLetter(run + "-letter"));
            awaitSearch(service, "q=" + run, body -> body.get("total").asLong() == documents);
            awaitSearch(service, "ministry=BZ&country=UA", body -> ids(body).contains(run + "-letter"));
            assertThat(search(service, "q=begroting+" + run).get("total").asLong()).as("Dutch stemming").isEqualTo(documents);
            JsonNode letter = Response.JSON.readTree(get(service, "/api/documents/" + run + "-letter").body());
            assertThat(letter.get("text").asText()).isEqualTo(Documents.UKRAINE_TEXT);

            sendTombstone(run + "-0");
            send(Documents.plain(run + "-1", run + "-1.txt", "Een nieuwe versie van " + run));
            awaitSearch(service, "file=" + run + "-0.txt", body -> body.get("total").asLong() == 0);
            awaitSearch(service, "q=nieuwe+" + run, body -> body.get("total").asLong() == 1);
            awaitHealthy(service);
        }
        // A new group reads documents.index from the beginning, as after a crash before any
        // commit: every record is offered again, none may bring back a deleted or older document.
        try (IndexService replay = start(dir.resolve("b"), run + "-replay", openSearch, run + "-replay-group")) {
            // Healthy means caught up: every record that was on the topic has been offered again.
            awaitHealthy(replay);
            assertThat(search(replay, "q=" + run).get("total").asLong()).isEqualTo(documents - 1);
            assertThat(search(replay, "file=" + run + "-0.txt").get("total").asLong()).isZero();
            assertThat(search(replay, "q=nieuwe+" + run).get("total").asLong()).isEqualTo(1);
        }
    }

    /**
     * The same motion records in an OpenSearch-backed and a Lucene-backed index-service: both
     * answer /api/motions, the motion's entity page and the motion-status search alike.
     */
    @Test
    void answersMotionsAndMotionStatusSearchesAsTheLuceneStoreDoes(@TempDir Path dir) throws Exception {
        // A word no other test's documents hold, searched as a phrase: "os-…" would also find theirs.
        String run = KafkaStack.uniqueName("oskuzumotie");
        String motion = "kst-36180-" + Math.floorMod(run.hashCode(), 1_000_000);
        OpenSearchConfig openSearch = TestOpenSearch.freshIndex();
        try (IndexService onOpenSearch = start(dir.resolve("os"), run, openSearch, run + "-group");
             IndexService onLucene = start(dir.resolve("lucene"), run + "-lucene", Map.of())) {
            send(Documents.motionRecord(run + "-votes", motion, LocalDate.of(2024, 3, 12), "aangenomen",
                            List.of("SP", "PvdA"), List.of("VVD")),
                    Documents.motionRecord(run + "-regeling", motion, LocalDate.of(2024, 2, 6), "aangehouden",
                            List.of(), List.of()));
            String search = "q=%22" + run + "%22";
            awaitSearch(onOpenSearch, search, body -> body.get("total").asLong() == 2);
            awaitSearch(onLucene, search, body -> body.get("total").asLong() == 2);

            JsonNode expected = Response.JSON.readTree(get(onLucene, "/api/motions/" + motion).body());
            assertThat(expected.get("lastStatus").get("document").asText()).isEqualTo(run + "-votes");
            assertThat(Response.JSON.readTree(get(onOpenSearch, "/api/motions/" + motion).body())).isEqualTo(expected);
            for (String query : List.of(search + "&motionStatus=aangehouden", search + "&chamber=Tweede+Kamer",
                    "documentId=h-tk-2024-" + run + "-votes")) {
                JsonNode fromLucene = search(onLucene, query);
                assertThat(fromLucene.get("total").asLong()).as(query).isPositive();
                assertThat(ids(search(onOpenSearch, query))).as(query)
                        .containsExactlyInAnyOrderElementsOf(ids(fromLucene));
            }
            assertThat(get(onOpenSearch, "/api/motions/kst-36180-0000000").statusCode()).isEqualTo(404);

            JsonNode entityPage = Response.JSON.readTree(get(onLucene, "/api/entity/motion/" + motion).body());
            assertThat(entityPage.get("documents").asLong()).isEqualTo(2);
            assertThat(entityPage.get("hits").get(0).get("id").asText()).isEqualTo(run + "-votes");
            assertThat(Response.JSON.readTree(get(onOpenSearch, "/api/entity/motion/" + motion).body()))
                    .isEqualTo(entityPage);
            assertThat(get(onOpenSearch, "/entity/motion/" + motion).body()).contains("entityView");
            assertThat(get(onOpenSearch, "/api/entity/ministry/XYZ").statusCode()).isEqualTo(404);
        }
    }

    private IndexService start(Path dir, String instance, OpenSearchConfig openSearch, String group) throws Exception {
        return start(dir, instance, Map.of(
                "INDEX_STORE", "opensearch",
                "OPENSEARCH_URL", openSearch.url(),
                "OPENSEARCH_INDEX", openSearch.index(),
                "OPENSEARCH_GROUP_ID", group));
    }
}
