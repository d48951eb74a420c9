package nl.kamerstroom.index.opensearch;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import nl.kamerstroom.common.config.Settings;
import nl.kamerstroom.common.http.Response;
import nl.kamerstroom.common.kafka.KafkaClients;
import nl.kamerstroom.index.Documents;
import nl.kamerstroom.index.IndexConfig;
import nl.kamerstroom.index.IndexService;
import nl.kamerstroom.schema.EnrichedDocument;
import nl.kamerstroom.serde.AvroSerdeConfig;
import nl.kamerstroom.testkit.KafkaStack;
import nl.kamerstroom.testkit.WithKafkaStack;
import nl.kamerstroom.topic.Topics;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The index-service with {@code INDEX_STORE=opensearch} on the real broker and registry and an
 * embedded OpenSearch node: documents.enriched → documents.index → OpenSearch → the same HTTP API.
 */
@WithKafkaStack
class OpenSearchServiceIT {

    /** Generous: OpenSearch, the broker and other test JVMs share two cores. */
    private static final Duration TIMEOUT = Duration.ofSeconds(120);
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final KafkaStack stack;

    OpenSearchServiceIT(KafkaStack stack) {
        this.stack = stack;
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
     * answer /api/motions and the motion-status search alike.
     */
    @Test
    void answersMotionsAndMotionStatusSearchesAsTheLuceneStoreDoes(@TempDir Path dir) throws Exception {
        // A word no other test's documents hold, searched as a phrase: "os-…" would also find theirs.
        String run = KafkaStack.uniqueName("oskuzumotie");
        String motion = "kst-36180-" + Math.floorMod(run.hashCode(), 1_000_000);
        OpenSearchConfig openSearch = TestOpenSearch.freshIndex();
        try (IndexService onOpenSearch = start(dir.resolve("os"), run, openSearch, run + "-group");
             IndexService onLucene = startLucene(dir.resolve("lucene"), run + "-lucene")) {
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
        }
    }

    /** A Lucene-backed service beside the OpenSearch one, reading the same topics in a group of its own. */
    private IndexService startLucene(Path dir, String instance) throws Exception {
        IndexService service = new IndexService(IndexConfig.from(Settings.of(Map.of(
                "KAFKA_BOOTSTRAP_SERVERS", stack.bootstrapServers(),
                "SCHEMA_REGISTRY_URL", stack.schemaRegistryUrl(),
                "TOPIC_PARTITIONS", "2",
                "INSTANCE_ID", instance,
                "HTTP_PORT", "0",
                "INDEX_DIR", dir.toString()))));
        try {
            service.start();
        } catch (Exception | Error e) {
            service.close();
            throw e;
        }
        return service;
    }

    private IndexService start(Path dir, String instance, OpenSearchConfig openSearch, String group) throws Exception {
        Map<String, String> env = new HashMap<>(Map.of(
                "KAFKA_BOOTSTRAP_SERVERS", stack.bootstrapServers(),
                "SCHEMA_REGISTRY_URL", stack.schemaRegistryUrl(),
                "TOPIC_PARTITIONS", "2",
                "INSTANCE_ID", instance,
                "HTTP_PORT", "0",
                "INDEX_DIR", dir.toString(),
                "INDEX_STORE", "opensearch",
                "OPENSEARCH_URL", openSearch.url(),
                "OPENSEARCH_INDEX", openSearch.index(),
                "OPENSEARCH_GROUP_ID", group));
        IndexService service = new IndexService(IndexConfig.from(Settings.of(env)));
        try {
            service.start();
        } catch (Exception | Error e) {
            service.close();
            throw e;
        }
        return service;
    }

    private void send(EnrichedDocument... docs) throws Exception {
        try (KafkaProducer<String, EnrichedDocument> producer = producer()) {
            for (EnrichedDocument doc : docs) {
                producer.send(new ProducerRecord<>(Topics.ENRICHED, doc.getDocument().getId(), doc)).get();
            }
        }
    }

    private void sendTombstone(String id) throws Exception {
        try (KafkaProducer<String, EnrichedDocument> producer = producer()) {
            producer.send(new ProducerRecord<>(Topics.ENRICHED, id, null)).get();
        }
    }

    private KafkaProducer<String, EnrichedDocument> producer() {
        Topics topics = Topics.create(new AvroSerdeConfig(stack.schemaRegistryUrl(), true, false));
        Map<String, Object> props = KafkaClients.documentProducer(IndexConfig.from(Settings.of(Map.of(
                "KAFKA_BOOTSTRAP_SERVERS", stack.bootstrapServers(), "INSTANCE_ID", "it"))).kafka(), "it-producer");
        return new KafkaProducer<>(props, topics.enriched.keySerde().serializer(), topics.enriched.valueSerde().serializer());
    }

    private static void awaitSearch(IndexService service, String query, Predicate<JsonNode> done) throws Exception {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        JsonNode body = search(service, query);
        while (!done.test(body)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Search " + query + " did not get there within " + TIMEOUT + ": " + body);
            }
            Thread.sleep(200);
            body = search(service, query);
        }
    }

    private static void awaitHealthy(IndexService service) throws Exception {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (get(service, "/api/health").statusCode() != 200) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Not healthy within " + TIMEOUT + ": " + get(service, "/api/health").body());
            }
            Thread.sleep(200);
        }
    }

    private static JsonNode search(IndexService service, String query) throws Exception {
        HttpResponse<String> response = get(service, "/api/search?limit=100&" + query);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Response.JSON.readTree(response.body());
    }

    private static HttpResponse<String> get(IndexService service, String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + service.httpPort() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static List<String> ids(JsonNode body) {
        return body.get("hits").valueStream().map(hit -> hit.get("id").asText()).toList();
    }
}
