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
import java.util.concurrent.Future;
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
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.sax.BodyContentHandler;

/**
 * The parts the pipeline is made of, each alone on one thread, on the same files: what the
 * pipeline would cost if it added nothing to them. Each runs until warm (see {@link #warm}).
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

    private static final double STEADY_SPREAD = 0.05;
    private static final int MAX_PASSES = 6;
    private static final Duration ROUND_TRIP_READ_LIMIT = Duration.ofSeconds(60);

    private RawParts() {}

    /** Tika's AutoDetectParser as its documentation shows it: no limits, no OCR settings, no hashing. */
    static Rate bareTika(List<Path> files) throws Exception {
        AutoDetectParser parser = new AutoDetectParser();
        return warm(files.size(), () -> {
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
        return warm(texts.size(), () -> texts.forEach(extractor::extract));
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
        return warm(documents.size(), () -> {
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
        try (Admin admin = Admin.create(KafkaClients.admin(config, "bench-admin"))) {
            return warm(values.size(), () -> {
                String topic = "bench.roundtrip." + UUID.randomUUID();
                admin.createTopics(List.of(new NewTopic(topic, 3, (short) 1))).all().get();
                // A producer and a consumer per pass, each pass on a topic of its own, as for the first pass.
                try (var producer = new KafkaProducer<>(KafkaClients.documentProducer(config, "bench-producer"),
                        new ByteArraySerializer(), new ByteArraySerializer())) {
                    List<Future<RecordMetadata>> sends = new ArrayList<>();
                    for (byte[] value : values) {
                        sends.add(producer.send(new ProducerRecord<>(topic, value)));
                    }
                    producer.flush();
                    // A failed send would leave the reader below waiting for a record that never comes.
                    for (Future<RecordMetadata> send : sends) {
                        send.get();
                    }
                }
                try (var consumer = new KafkaConsumer<>(KafkaClients.committedReader(config, "bench-consumer",
                        "bench-" + topic), new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
                    consumer.subscribe(List.of(topic));
                    long deadline = System.nanoTime() + ROUND_TRIP_READ_LIMIT.toNanos();
                    int read = 0;
                    while (read < values.size()) {
                        if (System.nanoTime() > deadline) {
                            throw new IllegalStateException("round trip: read " + read + " of " + values.size()
                                    + " acknowledged records from " + topic + " in " + ROUND_TRIP_READ_LIMIT);
                        }
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
    /**
     * Passes over the same items until the JIT has done its part: two passes were not enough for
     * PDFBox (bare Tika parsed 54-61 PDFs/s in its second pass and 73-81 in a later run of the same
     * JVM). Returns the first pass within 5 % of the one before it, or the last.
     */
    private static Rate warm(int items, Work work) throws Exception {
        Rate previous = pass(items, work);
        for (int p = 2; p <= MAX_PASSES; p++) {
            Rate last = pass(items, work);
            if (Math.abs(last.perSecond() / previous.perSecond() - 1) < STEADY_SPREAD) {
                return last;
            }
            previous = last;
        }
        return previous;
    }

    private static Rate pass(int items, Work work) throws Exception {
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
