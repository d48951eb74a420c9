package nl.kamerstroom.benchmarks.pipeline;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.kamerstroom.benchmarks.ingest.BenchmarkFiles;
import nl.kamerstroom.common.config.KafkaConfig;
import nl.kamerstroom.common.config.Settings;
import nl.kamerstroom.common.kafka.KafkaClients;
import nl.kamerstroom.enrich.entities.DocumentEnricher;
import nl.kamerstroom.extraction.EntityExtractor;
import nl.kamerstroom.index.store.SearchIndex;
import nl.kamerstroom.index.topic.IndexDocumentMapper;
import nl.kamerstroom.schema.IndexDocument;
import nl.kamerstroom.schema.IngestedDocument;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.sax.BodyContentHandler;

/**
 * The parts the pipeline is made of, each alone on one thread, on the same files: what the
 * pipeline would cost if it added nothing to them. Each runs twice, the first pass warming the JIT.
 */
final class RawParts {

    /** A figure: items done in a wall-clock time with a CPU time of this JVM. */
    record Rate(int items, Duration wall, double cpuSeconds) {
        double perSecond() {
            return items / (wall.toNanos() / 1e9);
        }

        double cpuMillisPerItem() {
            return cpuSeconds * 1000 / items;
        }

        /** Both runs as one. */
        Rate plus(Rate other) {
            return new Rate(items + other.items, wall.plus(other.wall), cpuSeconds + other.cpuSeconds);
        }
    }

    private RawParts() {}

    /** Tika's AutoDetectParser as its documentation shows it: no limits, no OCR settings, no hashing. */
    static Rate bareTika(List<Path> files) throws Exception {
        AutoDetectParser parser = new AutoDetectParser();
        return twice(files.size(), () -> {
            for (Path file : files) {
                try (InputStream in = Files.newInputStream(file)) {
                    BodyContentHandler text = new BodyContentHandler(-1);
                    parser.parse(in, text, new Metadata(), new ParseContext());
                    if (text.toString().isEmpty()) {
                        throw new IllegalStateException("no text from " + file);
                    }
                }
            }
        });
    }

    static Rate extraction(List<String> texts) throws Exception {
        EntityExtractor extractor = EntityExtractor.create();
        return twice(texts.size(), () -> texts.forEach(extractor::extract));
    }

    /** The index documents the pipeline would make of these texts, made before the clock runs. */
    static List<IndexDocument> indexDocuments(List<String> texts) {
        EntityExtractor extractor = EntityExtractor.create();
        IndexDocumentMapper mapper = new IndexDocumentMapper(Clock.systemUTC());
        List<IndexDocument> documents = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            String text = texts.get(i);
            IngestedDocument ingested = IngestedDocument.newBuilder().setId(String.format("%064x", i))
                    .setFileName(i + ".txt").setRelativePath(i + ".txt").setContentType("text/plain")
                    .setSizeBytes(text.length()).setText(text).setTextLength(text.length()).setLanguage("nl")
                    .setIngestedAt(Instant.now()).setIngestInstance("bench").setMetadata(Map.of()).build();
            documents.add(mapper.map(DocumentEnricher.enrich(ingested, extractor.extract(text), Instant.now(), 0)));
        }
        return documents;
    }

    /** Upserts into a fresh store, one commit and one refresh at the end, as a burst leaves the feeder. */
    static Rate luceneAlone(List<IndexDocument> documents, Path work) throws Exception {
        int[] round = {0};
        return twice(documents.size(), () -> {
            Path dir = work.resolve("lucene-" + round[0]++);
            try (SearchIndex index = SearchIndex.open(dir)) {
                for (IndexDocument doc : documents) {
                    index.upsert(doc.getId(), doc);
                }
                index.commit(Map.of(new TopicPartition("documents.index", 0), (long) documents.size()));
                index.refresh();
            }
            BenchmarkFiles.deleteTree(dir);
        });
    }

    /** The texts produced (acks=all, zstd, the services' batch settings) and consumed back from a new topic. */
    static Rate brokerRoundTrip(String bootstrap, List<String> texts) throws Exception {
        KafkaConfig config = KafkaConfig.from(Settings.of(Map.of(KafkaConfig.BOOTSTRAP_SERVERS.name(), bootstrap,
                KafkaConfig.INSTANCE_ID.name(), "bench")));
        List<byte[]> values = texts.stream().map(t -> t.getBytes(StandardCharsets.UTF_8)).toList();
        try (Admin admin = Admin.create(KafkaClients.admin(config, "bench-admin"));
             var producer = new KafkaProducer<>(KafkaClients.documentProducer(config, "bench-producer"),
                     new ByteArraySerializer(), new ByteArraySerializer())) {
            return twice(values.size(), () -> {
                String topic = "bench.roundtrip." + UUID.randomUUID();
                admin.createTopics(List.of(new NewTopic(topic, 3, (short) 1))).all().get();
                for (byte[] value : values) {
                    producer.send(new ProducerRecord<>(topic, value));
                }
                producer.flush();
                try (var consumer = new KafkaConsumer<>(KafkaClients.committedReader(config, "bench-consumer",
                        "bench-" + topic), new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
                    consumer.subscribe(List.of(topic));
                    int read = 0;
                    while (read < values.size()) {
                        ConsumerRecords<byte[], byte[]> records = consumer.poll(Duration.ofMillis(200));
                        read += records.count();
                    }
                }
                admin.deleteTopics(List.of(topic)).all().get();
            });
        }
    }

    static List<String> read(List<Path> files) throws IOException {
        List<String> texts = new ArrayList<>();
        for (Path file : files) {
            texts.add(Files.readString(file));
        }
        return texts;
    }

    /** Runs the work once to warm up, then once measured. */
    private static Rate twice(int items, Work work) throws Exception {
        work.run();
        long cpu = PipelineBenchmark.ownCpuNanos();
        long started = System.nanoTime();
        work.run();
        return new Rate(items, UpProcess.since(started), (PipelineBenchmark.ownCpuNanos() - cpu) / 1e9);
    }

    @FunctionalInterface
    private interface Work {
        void run() throws Exception;
    }
}
