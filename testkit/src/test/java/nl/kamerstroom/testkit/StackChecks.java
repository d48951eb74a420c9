package nl.kamerstroom.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

/** The checks every kind of {@link KafkaStack} must pass; subclasses say where the stack comes from. */
abstract class StackChecks {

    private static final String DOC_V1 = """
            {"type":"record","name":"Doc","namespace":"nl.kamerstroom.test","fields":[{"name":"id","type":"string"}]}""";
    private static final String DOC_V2_INCOMPATIBLE = """
            {"type":"record","name":"Doc","namespace":"nl.kamerstroom.test","fields":[{"name":"id","type":"string"},\
            {"name":"pages","type":"int"}]}""";
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*(\\d+)");

    private final HttpClient http = HttpClient.newHttpClient();

    abstract KafkaStack stack();

    @Test
    void readCommittedSeesCommittedTransactionsOnlyIncludingLargeRecords() throws Exception {
        String topic = KafkaStack.uniqueName("tx");
        stack().createTopic(topic, 2);
        stack().createTopic(topic, 2); // idempotent
        byte[] document = new byte[3 * 1024 * 1024];
        Arrays.fill(document, (byte) 'x');

        Properties props = stack().producerProps();
        props.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, KafkaStack.uniqueName("tx-producer"));
        props.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 16 * 1024 * 1024);
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(props)) {
            producer.initTransactions();
            producer.beginTransaction();
            producer.send(new ProducerRecord<>(topic, bytes("a"), bytes("committed-1")));
            producer.send(new ProducerRecord<>(topic, bytes("b"), document));
            producer.commitTransaction();
            producer.beginTransaction();
            producer.send(new ProducerRecord<>(topic, bytes("c"), bytes("aborted")));
            producer.flush();
            producer.abortTransaction();
            producer.beginTransaction();
            producer.send(new ProducerRecord<>(topic, bytes("d"), bytes("committed-2")));
            producer.commitTransaction();
        }

        List<ConsumerRecord<byte[], byte[]>> records = stack().readAll(topic, Duration.ofSeconds(30));
        assertThat(records).extracting(r -> new String(r.key(), StandardCharsets.UTF_8)).containsExactlyInAnyOrder("a", "b", "d");
        assertThat(records).filteredOn(r -> r.key()[0] == 'b').singleElement()
                .satisfies(r -> assertThat(r.value()).hasSize(document.length));
        assertThat(stack().readAll(topic, 3, Duration.ofSeconds(30))).hasSize(3);
    }

    @Test
    void readingATopicThatDoesNotExistFailsClearly() {
        assertThatThrownBy(() -> stack().readAll(KafkaStack.uniqueName("missing"), Duration.ofSeconds(10)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("does not exist");
    }

    @Test
    void registryRegistersLooksUpAndEnforcesBackwardCompatibility() throws Exception {
        String subject = KafkaStack.uniqueName("docs") + "-value";

        HttpResponse<String> registered = post("/subjects/" + subject + "/versions", DOC_V1);
        assertThat(registered.statusCode()).isEqualTo(200);
        int id = id(registered.body());

        HttpResponse<String> lookedUp = post("/subjects/" + subject, DOC_V1);
        assertThat(lookedUp.statusCode()).isEqualTo(200);
        assertThat(id(lookedUp.body())).isEqualTo(id);
        assertThat(lookedUp.body()).contains("\"version\":1");

        HttpResponse<String> byId = get("/schemas/ids/" + id);
        assertThat(byId.statusCode()).isEqualTo(200);
        assertThat(byId.body()).contains("nl.kamerstroom.test");

        assertThat(post("/subjects/" + subject + "/versions", DOC_V2_INCOMPATIBLE).statusCode()).isEqualTo(409);
        assertThat(get("/subjects/" + subject + "/versions/latest").body()).contains("\"version\":1");
    }

    private HttpResponse<String> post(String path, String schema) throws Exception {
        String body = "{\"schema\":\"" + schema.replace("\"", "\\\"") + "\"}";
        return http.send(HttpRequest.newBuilder(URI.create(stack().schemaRegistryUrl() + path))
                .header("Content-Type", "application/vnd.schemaregistry.v1+json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(stack().schemaRegistryUrl() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static int id(String json) {
        Matcher matcher = ID.matcher(json);
        assertThat(matcher.find()).as("an id in %s", json).isTrue();
        return Integer.parseInt(matcher.group(1));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
