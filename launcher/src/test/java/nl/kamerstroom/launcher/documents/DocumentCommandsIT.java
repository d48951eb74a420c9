package nl.kamerstroom.launcher.documents;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import nl.kamerstroom.common.config.Settings;
import nl.kamerstroom.enrich.EnrichConfig;
import nl.kamerstroom.enrich.EnrichService;
import nl.kamerstroom.enrich.entities.EntityMentionsMapper;
import nl.kamerstroom.enrich.entities.ExtractorVersion;
import nl.kamerstroom.index.IndexConfig;
import nl.kamerstroom.index.topic.IndexTopicStream;
import nl.kamerstroom.launcher.Kamerstroom;
import nl.kamerstroom.schema.EnrichedDocument;
import nl.kamerstroom.schema.IndexDocument;
import nl.kamerstroom.schema.IngestedDocument;
import nl.kamerstroom.serde.AvroSerdeConfig;
import nl.kamerstroom.testkit.KafkaStack;
import nl.kamerstroom.testkit.WithKafkaStack;
import nl.kamerstroom.topic.TopicCreator;
import nl.kamerstroom.topic.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * delete, dlq replay and reprocess against a running enrich-service and index topology on the
 * real broker and registry. After each command, documents.index holds exactly the expected
 * documents, one current version each, and every entities.counts total equals a recount over
 * the current documents.
 */
@WithKafkaStack
class DocumentCommandsIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(90);
    private static final int DOCUMENTS = 8;
    private static final String LETTER = "De Minister van Financiën schrijft over Duitsland (Kamerstuk 36045, nr. %d).";

    @TempDir
    Path dir;

    @Test
    void deleteReplayAndReprocessKeepTheIndexAndTheCountsExact(KafkaStack stack) throws Exception {
        String prefix = KafkaStack.uniqueName("doc");
        Map<String, String> environment = new HashMap<>(Map.of(
                "KAFKA_BOOTSTRAP_SERVERS", stack.bootstrapServers(), "SCHEMA_REGISTRY_URL", stack.schemaRegistryUrl(),
                "APPLICATION_ID", KafkaStack.uniqueName("enrich"), "INSTANCE_ID", "documents-it",
                "STATE_DIR", dir.resolve("enrich").toString(), "HTTP_PORT", "0",
                "INDEX_APPLICATION_ID", KafkaStack.uniqueName("index"), "INDEX_DIR", dir.resolve("index").toString(),
                // The restarted enrich-service takes its partitions back at once instead of after a session timeout.
                "STATIC_MEMBERSHIP", "true"));
        Topics topics = Topics.create(new AvroSerdeConfig(stack.schemaRegistryUrl(), true, false));
        TopicCreator.ensure(stack.admin(), topics.all(), 3, (short) 1);

        List<IngestedDocument> documents = IntStream.range(0, DOCUMENTS)
                .mapToObj(i -> document(prefix + "-" + i, LETTER.formatted(i + 1))).toList();
        // Enriched it is over MAX_RECORD_BYTES (256 KiB): a dead letter until the limit is raised.
        IngestedDocument large = document(prefix + "-large", "De Minister van Financiën. ".repeat(12_000));

        EnrichService enrich = enrich(environment, "256KiB");
        try (IndexTopicStream index = new IndexTopicStream(IndexConfig.from(Settings.of(environment)), topics,
                Clock.systemUTC(), new SimpleMeterRegistry())) {
            index.start();
            ingest(stack, topics, documents);
            ingest(stack, topics, List.of(large));
            Current current = awaitCurrent(stack, topics, prefix, DOCUMENTS);
            assertThat(current.indexed).doesNotContainKey(large.getId());

            Run deleted = run(stack, "delete", prefix + "-3.txt");
            assertThat(deleted.exit).as(deleted.err).isZero();
            assertThat(deleted.out).contains("Deleted brieven/" + prefix + "-3.txt (" + prefix + "-3)");
            current = awaitCurrent(stack, topics, prefix, DOCUMENTS - 1);
            assertThat(current.indexed).doesNotContainKey(prefix + "-3");

            enrich.close();
            enrich = enrich(environment, "16MiB");
            Run replayed = run(stack, "dlq", "replay");
            assertThat(replayed.exit).as(replayed.err).isZero();
            assertThat(replayed.out).containsPattern("Replayed \\d+ dead letters from documents.dlq")
                    .contains("documents.ingested");
            current = awaitCurrent(stack, topics, prefix, DOCUMENTS);
            assertThat(current.indexed).containsKey(large.getId());

            long ingestedBefore = versions(stack, Topics.INGESTED, prefix);
            Run dryRun = run(stack, "reprocess", "--dry-run", "--older-than-version", "999");
            assertThat(dryRun.exit).as(dryRun.err).isZero();
            assertThat(dryRun.out).contains("Dry run: nothing written.");
            assertThat(versions(stack, Topics.INGESTED, prefix)).isEqualTo(ingestedBefore);

            long indexedBefore = versions(stack, Topics.INDEX, prefix);
            Run reprocessed = run(stack, "reprocess", "--older-than-version", "999");
            assertThat(reprocessed.exit).as(reprocessed.err).isZero();
            assertThat(reprocessed.out).containsPattern("Wrote \\d+ documents to documents.ingested")
                    .doesNotContain("Warning");
            current = awaitReprocessed(stack, topics, prefix, indexedBefore);
            assertThat(current.indexed).hasSize(DOCUMENTS);
            assertThat(current.indexed.values()).allSatisfy(
                    doc -> assertThat(doc.getExtractorVersion()).isEqualTo(ExtractorVersion.CURRENT));
        } finally {
            enrich.close();
        }
    }

    /** The current documents on the compacted topics, and the counts next to a recount. */
    private record Current(Map<String, IndexDocument> indexed, Map<String, EnrichedDocument> enriched,
                           Map<String, String> counted, Map<String, String> recounted) {

        boolean consistent(String prefix, int expected) {
            long mine = indexed.keySet().stream().filter(id -> id.startsWith(prefix)).count();
            return mine == expected && indexed.keySet().equals(enriched.keySet()) && counted.equals(recounted);
        }
    }

    private static Current awaitCurrent(KafkaStack stack, Topics topics, String prefix, int expected)
            throws InterruptedException {
        return await(() -> read(stack, topics), current -> current.consistent(prefix, expected),
                "documents.index and entities.counts settle with " + expected + " documents");
    }

    /** Every document has a new version on documents.index since the reprocess started. */
    private static Current awaitReprocessed(KafkaStack stack, Topics topics, String prefix, long indexedBefore)
            throws InterruptedException {
        return await(() -> read(stack, topics), current -> current.consistent(prefix, DOCUMENTS)
                        && versions(stack, Topics.INDEX, prefix) >= indexedBefore + DOCUMENTS,
                "every document re-enriched and re-indexed");
    }

    private static Current read(KafkaStack stack, Topics topics) {
        Map<String, IndexDocument> indexed = latest(stack, Topics.INDEX,
                bytes -> topics.index.valueSerde().deserializer().deserialize(Topics.INDEX, bytes));
        Map<String, EnrichedDocument> enriched = latest(stack, Topics.ENRICHED,
                bytes -> topics.enriched.valueSerde().deserializer().deserialize(Topics.ENRICHED, bytes));
        Map<String, String> counted = new TreeMap<>();
        latest(stack, Topics.ENTITY_COUNTS, bytes -> topics.entityCounts.valueSerde().deserializer()
                .deserialize(Topics.ENTITY_COUNTS, bytes))
                .forEach((entity, count) -> counted.put(entity, totals(count.getMentions(), count.getDocuments())));
        Map<String, long[]> sums = new TreeMap<>();
        enriched.values().forEach(doc -> EntityMentionsMapper.mentions(doc).forEach(kv -> {
            long[] sum = sums.computeIfAbsent(kv.key, k -> new long[2]);
            sum[0] += kv.value.getMentions();
            sum[1]++;
        }));
        Map<String, String> recounted = new TreeMap<>();
        sums.forEach((entity, sum) -> recounted.put(entity, totals(sum[0], sum[1])));
        return new Current(indexed, enriched, counted, recounted);
    }

    private static String totals(long mentions, long documents) {
        return mentions + " mentions in " + documents + " documents";
    }

    private static <V> Map<String, V> latest(KafkaStack stack, String topic, Function<byte[], V> decode) {
        Map<String, V> latest = new HashMap<>();
        for (ConsumerRecord<byte[], byte[]> record : stack.readAll(topic, Duration.ofSeconds(20))) {
            String key = new String(record.key(), StandardCharsets.UTF_8);
            if (record.value() == null) {
                latest.remove(key);
            } else {
                latest.put(key, decode.apply(record.value()));
            }
        }
        return latest;
    }

    /** Records of this test's documents on the topic that are not tombstones: one per version written. */
    private static long versions(KafkaStack stack, String topic, String prefix) {
        return stack.readAll(topic, Duration.ofSeconds(20)).stream()
                .filter(r -> r.value() != null && new String(r.key(), StandardCharsets.UTF_8).startsWith(prefix))
                .count();
    }

    private static <T> T await(Supplier<T> read, Predicate<T> done, String what)
            throws InterruptedException {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        T value = read.get();
        while (!done.test(value) && System.nanoTime() < deadline) {
            Thread.sleep(500);
            value = read.get();
        }
        assertThat(done.test(value)).as(what + ": " + value).isTrue();
        return value;
    }

    private static EnrichService enrich(Map<String, String> environment, String maxRecordBytes) throws Exception {
        EnrichService service = new EnrichService(EnrichConfig.from(Settings.of(environment)
                .with(Map.of("MAX_RECORD_BYTES", maxRecordBytes))));
        service.start();
        return service;
    }

    private static void ingest(KafkaStack stack, Topics topics, List<IngestedDocument> documents) {
        Properties props = stack.producerProps();
        props.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, Topics.MAX_MESSAGE_BYTES);
        props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "zstd");
        try (var producer = new KafkaProducer<>(props, new StringSerializer(), topics.ingested.valueSerde().serializer())) {
            documents.forEach(d -> producer.send(new ProducerRecord<>(Topics.INGESTED, d.getId(), d)));
        }
    }

    private static IngestedDocument document(String id, String text) {
        return IngestedDocument.newBuilder()
                .setId(id).setFileName(id + ".txt").setRelativePath("brieven/" + id + ".txt")
                .setContentType("text/plain").setSizeBytes(text.length())
                .setText(text).setTextLength(text.length())
                .setIngestedAt(Instant.parse("2026-12-04T07:00:00Z")).setIngestInstance("documents-it")
                .build();
    }

    private record Run(int exit, String out, String err) {
    }

    private static Run run(KafkaStack stack, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = Kamerstroom.commandLine().setOut(new PrintWriter(out)).setErr(new PrintWriter(err));
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("-b", stack.bootstrapServers()));
        if (!args[0].equals("dlq")) {
            all.addAll(List.of("-r", stack.schemaRegistryUrl()));
        }
        int exit = commandLine.execute(all.toArray(String[]::new));
        return new Run(exit, out.toString(), err.toString());
    }
}
