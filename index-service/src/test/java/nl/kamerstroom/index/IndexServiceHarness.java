package nl.kamerstroom.index;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import nl.kamerstroom.common.config.Settings;
import nl.kamerstroom.common.http.Response;
import nl.kamerstroom.common.kafka.KafkaClients;
import nl.kamerstroom.schema.EnrichedDocument;
import nl.kamerstroom.serde.AvroSerdeConfig;
import nl.kamerstroom.testkit.KafkaStack;
import nl.kamerstroom.topic.Topics;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * What the ITs of the whole service share, whichever store it feeds: the service started on the
 * test stack, documents sent to documents.enriched as enrich writes them, and the HTTP API asked
 * until it shows what a test waits for (at most the subclass's timeout).
 */
public abstract class IndexServiceHarness {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Duration POLL = Duration.ofMillis(100);

    protected final KafkaStack stack;
    protected final Duration timeout;

    protected IndexServiceHarness(KafkaStack stack, Duration timeout) {
        this.stack = stack;
        this.timeout = timeout;
    }

    /** The service on the stack (two partitions a topic, a free HTTP port, the index under {@code dir}), with {@code extra} settings on top. */
    protected IndexService start(Path dir, String instance, Map<String, String> extra) throws Exception {
        Map<String, String> env = new HashMap<>(Map.of(
                "KAFKA_BOOTSTRAP_SERVERS", stack.bootstrapServers(),
                "SCHEMA_REGISTRY_URL", stack.schemaRegistryUrl(),
                "TOPIC_PARTITIONS", "2",
                "INSTANCE_ID", instance,
                "HTTP_PORT", "0",
                "INDEX_DIR", dir.toString()));
        env.putAll(extra);
        IndexService service = new IndexService(IndexConfig.from(Settings.of(env)));
        try {
            service.start();
        } catch (Exception | Error e) {
            service.close();
            throw e;
        }
        return service;
    }

    protected void send(EnrichedDocument... docs) throws Exception {
        try (KafkaProducer<String, EnrichedDocument> producer = enrichedProducer()) {
            for (EnrichedDocument doc : docs) {
                producer.send(new ProducerRecord<>(Topics.ENRICHED, doc.getDocument().getId(), doc)).get();
            }
        }
    }

    protected void sendTombstone(String id) throws Exception {
        try (KafkaProducer<String, EnrichedDocument> producer = enrichedProducer()) {
            producer.send(new ProducerRecord<>(Topics.ENRICHED, id, null)).get();
        }
    }

    private KafkaProducer<String, EnrichedDocument> enrichedProducer() {
        Topics topics = topics();
        return new KafkaProducer<>(producerProps(), topics.enriched.keySerde().serializer(),
                topics.enriched.valueSerde().serializer());
    }

    protected Map<String, Object> producerProps() {
        return KafkaClients.documentProducer(IndexConfig.from(Settings.of(Map.of(
                "KAFKA_BOOTSTRAP_SERVERS", stack.bootstrapServers(), "INSTANCE_ID", "it"))).kafka(), "it-producer");
    }

    protected Topics topics() {
        return Topics.create(new AvroSerdeConfig(stack.schemaRegistryUrl(), true, false));
    }

    protected JsonNode awaitSearch(IndexService service, String query, Predicate<JsonNode> done) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        JsonNode body = search(service, query);
        while (!done.test(body)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Search " + query + " did not get there within " + timeout + ": " + body);
            }
            Thread.sleep(POLL.toMillis());
            body = search(service, query);
        }
        return body;
    }

    protected void awaitHealthy(IndexService service) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (get(service, "/api/health").statusCode() != 200) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Not healthy within " + timeout + ": " + get(service, "/api/health").body());
            }
            Thread.sleep(POLL.toMillis());
        }
    }

    protected static JsonNode search(IndexService service, String query) throws Exception {
        HttpResponse<String> response = get(service, "/api/search?limit=100&" + query.replace(" ", "+"));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Response.JSON.readTree(response.body());
    }

    protected static HttpResponse<String> get(IndexService service, String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + service.httpPort() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    protected static List<String> ids(JsonNode body) {
        return body.get("hits").valueStream().map(hit -> hit.get("id").asText()).toList();
    }
}
