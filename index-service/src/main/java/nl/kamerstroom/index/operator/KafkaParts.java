package nl.kamerstroom.index.operator;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import nl.kamerstroom.common.config.KafkaConfig;
import nl.kamerstroom.common.kafka.KafkaClients;
import nl.kamerstroom.common.kafka.TopicOverview;
import nl.kamerstroom.schema.FailedDocument;
import nl.kamerstroom.topic.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * What the operator view reads from the broker and the registry: whether they answer, each
 * topic's records and consumer-group lag, the newest failed files and the newest dead letters
 * of every {@code *.dlq} topic with their error headers. Every call is bounded in time and in
 * records read.
 */
final class KafkaParts implements AutoCloseable {

    static final String DEAD_LETTER_SUFFIX = ".dlq";
    /** A stack trace header can be long; the view shows its beginning. */
    static final int MAX_HEADER_CHARS = 2000;
    private static final int MAX_KEY_CHARS = 200;
    private static final int TIMEOUT_MS = 3000;

    private final KafkaConfig kafka;
    private final Admin admin;
    private final RecentRecords recent;
    private final Deserializer<FailedDocument> failedDocuments;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(ServiceProbe.TIMEOUT).build();

    KafkaParts(KafkaConfig kafka, Topics topics) {
        this.kafka = kafka;
        Map<String, Object> props = KafkaClients.admin(kafka, "index-operator-view");
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, TIMEOUT_MS);
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, TIMEOUT_MS);
        this.admin = Admin.create(props);
        this.recent = new RecentRecords(kafka);
        this.failedDocuments = topics.failed.valueSerde().deserializer();
    }

    /** The broker's answer: how many brokers the cluster has. */
    Map<String, Object> broker() {
        try {
            int brokers = admin.describeCluster().nodes().get(TIMEOUT_MS, TimeUnit.MILLISECONDS).size();
            return part("broker", true, "RUNNING", brokers + (brokers == 1 ? " broker" : " brokers"));
        } catch (Exception e) {
            return part("broker", false, "UNREACHABLE", kafka.bootstrapServers());
        }
    }

    /** The registry's answer to {@code GET /subjects}, the call every serializer depends on. */
    Map<String, Object> registry() {
        String base = kafka.schemaRegistryUrl().replaceAll("/+$", "");
        try {
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(base + "/subjects"))
                    .timeout(ServiceProbe.TIMEOUT).GET().build(), HttpResponse.BodyHandlers.ofString());
            boolean up = answer.statusCode() == 200;
            return part("registry", up, up ? "RUNNING" : "HTTP " + answer.statusCode(), base);
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            return part("registry", false, "UNREACHABLE", base);
        }
    }

    /** Topics other than Kafka's own, with records kept (offsets, transaction markers included) and lag per group. */
    List<TopicOverview.TopicState> topics() {
        return TopicOverview.read(admin).stream().filter(t -> !t.name().startsWith("_")).toList();
    }

    List<Map<String, Object>> failedFiles(int n) {
        List<Map<String, Object>> files = new ArrayList<>();
        for (ConsumerRecord<byte[], byte[]> record : recent.newest(Topics.FAILED, n)) {
            Map<String, Object> json = new LinkedHashMap<>();
            try {
                FailedDocument failed = failedDocuments.deserialize(record.topic(), record.value());
                json.put("fileName", failed.getFileName());
                json.put("relativePath", failed.getRelativePath());
                json.put("stage", failed.getStage());
                json.put("reason", failed.getReason());
                json.put("errorClass", failed.getErrorClass());
                json.put("errorMessage", failed.getErrorMessage());
                json.put("failedAt", failed.getFailedAt().toString());
                json.put("instance", failed.getInstance());
            } catch (RuntimeException e) {
                json.put("relativePath", text(record.key(), MAX_KEY_CHARS));
                json.put("reason", "Unreadable record at offset " + record.offset() + ": " + e.getMessage());
            }
            files.add(json);
        }
        return files;
    }

    /** The newest {@code n} dead letters of each dead-letter topic, with their headers as text. */
    List<Map<String, Object>> deadLetters(List<String> topicNames, int n) {
        List<Map<String, Object>> letters = new ArrayList<>();
        for (String topic : topicNames) {
            if (!topic.endsWith(DEAD_LETTER_SUFFIX)) {
                continue;
            }
            for (ConsumerRecord<byte[], byte[]> record : recent.newest(topic, n)) {
                Map<String, Object> json = new LinkedHashMap<>();
                json.put("topic", topic);
                json.put("partition", record.partition());
                json.put("offset", record.offset());
                json.put("timestamp", Instant.ofEpochMilli(record.timestamp()).toString());
                json.put("key", text(record.key(), MAX_KEY_CHARS));
                json.put("valueBytes", record.value() == null ? 0 : record.value().length);
                Map<String, String> headers = new LinkedHashMap<>();
                for (Header header : record.headers()) {
                    headers.put(header.key(), text(header.value(), MAX_HEADER_CHARS));
                }
                json.put("headers", headers);
                letters.add(json);
            }
        }
        return letters;
    }

    @Override
    public void close() {
        admin.close();
        http.close();
    }

    static Map<String, Object> part(String name, boolean up, String status, String detail) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("name", name);
        json.put("up", up);
        json.put("status", status);
        json.put("detail", detail);
        return json;
    }

    private static String text(byte[] bytes, int maxChars) {
        if (bytes == null) {
            return null;
        }
        String text = new String(bytes, StandardCharsets.UTF_8);
        return text.length() <= maxChars ? text : text.substring(0, maxChars) + " …";
    }
}
