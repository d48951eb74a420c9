package nl.kamerstroom.enrich.it;

import static nl.kamerstroom.enrich.Documents.KAMERBRIEF;
import static nl.kamerstroom.enrich.Documents.document;
import static nl.kamerstroom.enrich.Documents.kamerbrief;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;
import java.util.stream.IntStream;
import nl.kamerstroom.common.config.Settings;
import nl.kamerstroom.common.deadletter.DeadLetter;
import nl.kamerstroom.enrich.EnrichConfig;
import nl.kamerstroom.enrich.EnrichService;
import nl.kamerstroom.schema.EnrichedDocument;
import nl.kamerstroom.schema.EntityCount;
import nl.kamerstroom.schema.IngestedDocument;
import nl.kamerstroom.testkit.KafkaStack;
import nl.kamerstroom.testkit.WithKafkaStack;
import nl.kamerstroom.topic.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The enrich-service against the real broker and schema registry. */
@WithKafkaStack
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EnrichServiceIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final String prefix = UUID.randomUUID().toString().substring(0, 8) + "-";
    private Pipeline pipeline;
    private EnrichService service;
    private Path stateDir;

    @BeforeAll
    void start(KafkaStack stack) throws Exception {
        pipeline = new Pipeline(stack);
        stateDir = Files.createTempDirectory("enrich-it-");
        Map<String, String> settings = pipeline.settings(KafkaStack.uniqueName("enrich-it"), stateDir.toString());
        service = new EnrichService(EnrichConfig.from(Settings.of(settings).with(Map.of("MAX_RECORD_BYTES", "256KiB"))));
        service.start();
    }

    @AfterAll
    void stop() {
        service.close();
    }

    @Test
    void enrichesEachDocumentButNotTheCopiesIngestFlaggedDuplicate() throws Exception {
        List<IngestedDocument> documents = IntStream.range(0, 5).mapToObj(i -> kamerbrief(prefix + "doc-" + i)).toList();
        pipeline.ingest(documents);
        pipeline.ingest(documents.subList(0, 2).stream().map(d -> IngestedDocument.newBuilder(document(d.getId(), ""))
                .setDuplicate(true).build()).toList());

        List<ConsumerRecord<byte[], byte[]>> enriched = pipeline.await(Topics.ENRICHED,
                r -> key(r).startsWith(prefix + "doc-"), 5, TIMEOUT);

        assertThat(enriched).extracting(r -> key(r)).containsExactlyInAnyOrderElementsOf(
                documents.stream().map(IngestedDocument::getId).toList());
        EnrichedDocument first = pipeline.topics.enriched.valueSerde().deserializer()
                .deserialize(Topics.ENRICHED, enriched.get(0).value());
        assertThat(first.getSummary().getMinistryIds()).containsExactly("BZ", "FIN");
        assertThat(pipeline.read(Topics.ENTITY_MENTIONS, r -> key(r).equals("MINISTRY:BZ")
                && new String(r.value(), StandardCharsets.UTF_8).contains(prefix + "doc-"))).hasSize(5);
    }

    @Test
    void countsAnEntityFromItsMentionsAndDeletesTheCountWithItsLastDocument() throws Exception {
        // A dossier no other test mentions, once per document.
        String dossier = Integer.toString(ThreadLocalRandom.current().nextInt(50_000, 60_000));
        String entity = "KAMERSTUK:" + dossier;
        List<IngestedDocument> documents = List.of("dossier-a", "dossier-b").stream()
                .map(id -> document(prefix + id, KAMERBRIEF + "\nZie Kamerstuk " + dossier + ", nr. 1.\n")).toList();
        pipeline.ingest(documents);
        assertThat(awaitCount(entity, count -> count != null && count.getDocuments() == 2))
                .satisfies(count -> assertThat(count.getMentions()).isEqualTo(2));

        // The first document again without the dossier, then the second one deleted.
        pipeline.ingest(List.of(kamerbrief(prefix + "dossier-a")));
        assertThat(awaitCount(entity, count -> count != null && count.getDocuments() == 1))
                .satisfies(count -> assertThat(count.getMentions()).isEqualTo(1));
        pipeline.delete(List.of(prefix + "dossier-b"));
        assertThat(awaitCount(entity, count -> count == null)).as("a tombstone on entities.counts").isNull();
        assertThat(pipeline.read(Topics.ENTITY_COUNTS, r -> key(r).equals(entity)).getLast().value()).isNull();
    }

    @Test
    void sendsPoisonRecordsToTheDeadLetterTopicAndKeepsRunning() throws Exception {
        byte[] garbage = "not an Avro record".getBytes(StandardCharsets.UTF_8);
        pipeline.ingestBytes(prefix + "garbage", garbage);
        // 300 KB of text enriched is more than MAX_RECORD_BYTES (256 KiB) allows.
        pipeline.ingest(List.of(document(prefix + "large", "Minister van Financiën. ".repeat(12_500)),
                kamerbrief(prefix + "after")));

        List<ConsumerRecord<byte[], byte[]>> letters = pipeline.await(Topics.DEAD_LETTERS, this::mine, 2, TIMEOUT);
        assertThat(letters).hasSize(2);
        ConsumerRecord<byte[], byte[]> unreadable = letters.stream().filter(r -> key(r).endsWith("garbage")).findFirst()
                .orElseThrow();
        assertThat(unreadable.value()).isEqualTo(garbage);
        assertThat(header(unreadable, DeadLetter.HEADER_STAGE)).isEqualTo(DeadLetter.DESERIALIZE);
        assertThat(header(unreadable, DeadLetter.HEADER_TOPIC)).isEqualTo(Topics.INGESTED);
        assertThat(header(unreadable, DeadLetter.HEADER_OFFSET)).isNotBlank();
        ConsumerRecord<byte[], byte[]> tooLarge = letters.stream().filter(r -> key(r).endsWith("large")).findFirst()
                .orElseThrow();
        assertThat(header(tooLarge, DeadLetter.HEADER_STAGE)).isEqualTo(DeadLetter.PRODUCE);
        assertThat(header(tooLarge, DeadLetter.HEADER_EXCEPTION_CLASS)).endsWith("RecordTooLargeException");
        assertThat(pipeline.topics.ingested.valueSerde().deserializer().deserialize(Topics.INGESTED, tooLarge.value())
                .getId()).isEqualTo(prefix + "large");

        assertThat(pipeline.await(Topics.ENRICHED, r -> key(r).equals(prefix + "after"), 1, TIMEOUT)).hasSize(1);
        assertThat(service.health().status()).isEqualTo("RUNNING");
    }

    @Test
    void servesHealthAndMetrics() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> health = http.send(get("/health"), HttpResponse.BodyHandlers.ofString());
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"RUNNING\"");

        HttpResponse<String> metrics = http.send(get("/metrics"), HttpResponse.BodyHandlers.ofString());
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("kamerstroom_enrich_documents_total{", "kamerstroom_enrich_extraction_seconds",
                "kafka_stream_thread_");
    }

    /** The latest count of the entity once it satisfies {@code expected} (null: a tombstone), or the timeout's. */
    private EntityCount awaitCount(String entity, Predicate<EntityCount> expected) throws InterruptedException {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        EntityCount latest = null;
        while (System.nanoTime() < deadline) {
            List<ConsumerRecord<byte[], byte[]>> counts = pipeline.read(Topics.ENTITY_COUNTS,
                    r -> key(r).equals(entity));
            if (!counts.isEmpty()) {
                latest = pipeline.topics.entityCounts.valueSerde().deserializer()
                        .deserialize(Topics.ENTITY_COUNTS, counts.getLast().value());
                if (expected.test(latest)) {
                    return latest;
                }
            }
            Thread.sleep(250);
        }
        return latest;
    }

    private HttpRequest get(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + service.httpPort() + path)).build();
    }

    private boolean mine(ConsumerRecord<byte[], byte[]> record) {
        return record.key() != null && key(record).startsWith(prefix);
    }

    private static String key(ConsumerRecord<byte[], byte[]> record) {
        return new String(record.key(), StandardCharsets.UTF_8);
    }

    private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
