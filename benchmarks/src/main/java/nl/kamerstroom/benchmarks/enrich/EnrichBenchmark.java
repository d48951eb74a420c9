package nl.kamerstroom.benchmarks.enrich;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import nl.kamerstroom.benchmarks.Corpus;
import nl.kamerstroom.common.config.Settings;
import nl.kamerstroom.common.kafka.KafkaClients;
import nl.kamerstroom.embedded.KafkaBroker;
import nl.kamerstroom.embedded.SchemaRegistryServer;
import nl.kamerstroom.enrich.EnrichConfig;
import nl.kamerstroom.enrich.entities.DocumentEnricher;
import nl.kamerstroom.enrich.entities.EntityMentionsMapper;
import nl.kamerstroom.enrich.errors.DeadLetterPublisher;
import nl.kamerstroom.enrich.metrics.EnrichMetrics;
import nl.kamerstroom.enrich.streams.StreamsProperties;
import nl.kamerstroom.enrich.topology.EnrichTopology;
import nl.kamerstroom.extraction.EntityExtractor;
import nl.kamerstroom.schema.IngestedDocument;
import nl.kamerstroom.topic.Topic;
import nl.kamerstroom.topic.TopicCreator;
import nl.kamerstroom.topic.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;

/**
 * Documents per second through the enrich topology on a real (embedded) broker and registry,
 * next to a pass-through topology with the same serdes and Streams settings (exactly-once,
 * commit interval, producer tuning) but no extraction, so the cost of enrichment shows as a
 * ratio. Each topology runs twice over the same ~20 KB documents; the second (warm) run counts.
 *
 * <p>The service's settings apply (e.g. {@code COMMIT_INTERVAL=200ms}); the broker and registry are its own.
 * Run: {@code java -cp 'benchmarks/target/benchmarks.jar:benchmarks/target/lib/*'
 * nl.kamerstroom.benchmarks.enrich.EnrichBenchmark [DOCUMENTS]} from the repository root.
 */
public final class EnrichBenchmark {

    static final int DOCUMENT_CHARS = 20_000;
    static final String PASS_THROUGH_TOPIC = "bench.pass-through";
    static final int LATENCY_DOCUMENTS = 500;
    static final int LATENCY_RATE = 50;

    private EnrichBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 3_000;
        Corpus corpus = Corpus.load(Corpus.locate(System.getenv(Corpus.ENV), Path.of("")));
        try (KafkaBroker broker = KafkaBroker.builder().heap("768m").build();
             SchemaRegistryServer registry = SchemaRegistryServer.builder().build()) {
            CompletableFuture.allOf(CompletableFuture.runAsync(broker::start),
                    CompletableFuture.runAsync(registry::start)).join();
            // The service's other settings (COMMIT_INTERVAL, STREAM_THREADS, ...) may come from the environment.
            Settings settings = Settings.fromEnvironment().with(Map.of("KAFKA_BOOTSTRAP_SERVERS", broker.bootstrapServers(),
                    "SCHEMA_REGISTRY_URL", registry.url(), "INSTANCE_ID", "bench", "TOPIC_PARTITIONS", "3"));
            run(settings, corpus, count);
        }
    }

    private static void run(Settings settings, Corpus corpus, int count) throws Exception {
        List<IngestedDocument> documents = documents(corpus, count, "");
        EnrichConfig base = EnrichConfig.from(settings);
        Topics topics = Topics.create(base.kafka().serdeConfig());
        Topic<String, IngestedDocument> passThrough = new Topic<>(PASS_THROUGH_TOPIC, topics.ingested.keySerde(),
                topics.ingested.valueSerde(), topics.ingested.config());
        EntityExtractor extractor = EntityExtractor.create();
        try (Admin admin = Admin.create(KafkaClients.admin(base.kafka(), "bench-admin"));
             KafkaProducer<byte[], byte[]> deadLetters = new KafkaProducer<>(
                     KafkaClients.documentProducer(base.kafka(), "bench-dlq"), new ByteArraySerializer(),
                     new ByteArraySerializer())) {
            TopicCreator.ensure(admin, List.of(topics.ingested, topics.enriched, topics.deadLetters,
                    topics.entityMentions, topics.entityCounts, passThrough), base.kafka().topicPartitions(), (short) 1);
            produce(base, topics, documents);
            long bytes = documents.stream().mapToLong(d -> d.getText().length()).sum();
            System.out.printf("Enrich benchmark: %d documents of ~%d KB (%.1f MB of text), %d partitions, "
                            + "%d stream thread(s), exactly_once_v2, commit interval %d ms%n", documents.size(),
                    DOCUMENT_CHARS / 1000, bytes / 1e6, base.kafka().topicPartitions(), base.streamThreads(),
                    base.commitInterval().toMillis());

            StreamsRun.Result pass = null;
            StreamsRun.Result enrich = null;
            for (int round = 1; round <= 2; round++) {
                EnrichMetrics metrics = new EnrichMetrics(new SimpleMeterRegistry());
                DeadLetterPublisher publisher = new DeadLetterPublisher(deadLetters, Topics.DEAD_LETTERS,
                        "enrich-benchmark", "bench", metrics);
                pass = StreamsRun.measure(passThrough(topics, passThrough),
                        props(settings, "bench-pass-" + round, publisher), admin, Topics.INGESTED,
                        documents.size(), Duration.ofMinutes(5));
                countFromTheEndOfTheMentions(admin, "bench-enrich-" + round);
                enrich = StreamsRun.measure(
                        EnrichTopology.build(base, topics, extractor::extract, metrics, Clock.systemUTC()),
                        props(settings, "bench-enrich-" + round, publisher), admin, Topics.INGESTED,
                        documents.size(), Duration.ofMinutes(5));
                System.out.printf("round %d (%s): pass-through %.0f documents/s, enrich %.0f documents/s%n", round,
                        round == 1 ? "cold JIT" : "warm", pass.documentsPerSecond(), enrich.documentsPerSecond());
            }
            double extractorOnly = extractorOnly(extractor, documents);
            System.out.printf("%nRESULT pass-through: %.0f documents/s (%.1f MB/s), %.0f µs CPU and %.1f records "
                            + "written per document%n", pass.documentsPerSecond(),
                    pass.documentsPerSecond() * DOCUMENT_CHARS / 1e6, pass.cpuMicrosPerDocument(),
                    pass.recordsPerDocument());
            System.out.printf("RESULT enrich:       %.0f documents/s (%.1f MB/s), %.0f µs CPU and %.1f records "
                            + "written per document%n", enrich.documentsPerSecond(),
                    enrich.documentsPerSecond() * DOCUMENT_CHARS / 1e6, enrich.cpuMicrosPerDocument(),
                    enrich.recordsPerDocument());
            System.out.printf("RESULT enrich / pass-through = %.2f by wall clock, %.2f by CPU per document%n",
                    enrich.documentsPerSecond() / pass.documentsPerSecond(),
                    pass.cpuMicrosPerDocument() / enrich.cpuMicrosPerDocument());
            System.out.printf("RESULT entities per document (one entities.mentions record each when new): %.1f%n",
                    entityRecordsPerDocument(extractor, documents));
            System.out.printf("RESULT extractor alone, no Kafka: %.0f documents per CPU-second (%.0f µs per document)%n",
                    extractorOnly, 1e6 / extractorOnly);

            EnrichMetrics metrics = new EnrichMetrics(new SimpleMeterRegistry());
            DeadLetterPublisher publisher = new DeadLetterPublisher(deadLetters, Topics.DEAD_LETTERS,
                    "enrich-benchmark", "bench", metrics);
            List<Long> passLatencies = LatencyProbe.measure(passThrough(topics, passThrough),
                    props(settings, "bench-pass-latency", publisher), PASS_THROUGH_TOPIC, base.kafka(), topics,
                    documents(corpus, LATENCY_DOCUMENTS, "latency-pass-"), LATENCY_RATE);
            countFromTheEndOfTheMentions(admin, "bench-enrich-latency");
            List<Long> enrichLatencies = LatencyProbe.measure(
                    EnrichTopology.build(base, topics, extractor::extract, metrics, Clock.systemUTC()),
                    props(settings, "bench-enrich-latency", publisher), Topics.ENRICHED, base.kafka(), topics,
                    documents(corpus, LATENCY_DOCUMENTS, "latency-enrich-"), LATENCY_RATE);
            System.out.printf("RESULT latency ingested -> output (read_committed) at %d documents/s:%n", LATENCY_RATE);
            System.out.printf("RESULT   pass-through: %s%n", LatencyProbe.summary(passLatencies));
            System.out.printf("RESULT   enrich:       %s%n", LatencyProbe.summary(enrichLatencies));
        }
    }

    private static Topology passThrough(Topics topics, Topic<String, IngestedDocument> output) {
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream(Topics.INGESTED, Consumed.with(topics.ingested.keySerde(), topics.ingested.valueSerde())
                        .withName("documents-ingested-source"))
                .to(output.name(), Produced.with(output.keySerde(), output.valueSerde()).withName("pass-through-sink"));
        return builder.build();
    }

    /**
     * Each run is a new application on the same topics. The counts read entities.mentions, which
     * holds the earlier runs' rows: a new application starts counting at its end (as an upgraded
     * one does), else it would count the same documents once per run.
     */
    private static void countFromTheEndOfTheMentions(Admin admin, String applicationId) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> end = new HashMap<>();
        StreamsRun.endOffsets(admin, Topics.ENTITY_MENTIONS)
                .forEach((partition, offset) -> end.put(partition, new OffsetAndMetadata(offset)));
        admin.alterConsumerGroupOffsets(applicationId, end).all().get(10, TimeUnit.SECONDS);
    }

    private static Properties props(Settings settings, String applicationId, DeadLetterPublisher publisher)
            throws Exception {
        Path stateDir = Files.createTempDirectory("enrich-bench-");
        EnrichConfig config = EnrichConfig.from(settings.with(Map.of("APPLICATION_ID", applicationId,
                "STATE_DIR", stateDir.toString())));
        return StreamsProperties.of(config, publisher);
    }

    private static void produce(EnrichConfig config, Topics topics, List<IngestedDocument> documents) {
        try (var producer = new KafkaProducer<>(KafkaClients.documentProducer(config.kafka(), "bench-producer"),
                new StringSerializer(), topics.ingested.valueSerde().serializer())) {
            documents.forEach(d -> producer.send(new ProducerRecord<>(Topics.INGESTED, d.getId(), d)));
        }
    }

    private static double entityRecordsPerDocument(EntityExtractor extractor, List<IngestedDocument> documents) {
        long records = documents.stream().mapToLong(d -> EntityMentionsMapper.mentions(DocumentEnricher.enrich(d,
                extractor.extract(d.getText()), Instant.now(), 0)).size()).sum();
        return (double) records / documents.size();
    }

    /** Documents per CPU-second of the extractor alone, on this thread. */
    private static double extractorOnly(EntityExtractor extractor, List<IngestedDocument> documents) {
        long started = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
        documents.forEach(d -> extractor.extract(d.getText()));
        return documents.size() / ((ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - started) / 1e9);
    }

    /** Slices of the corpus texts, joined, at staggered offsets: realistic text, every document different. */
    static List<IngestedDocument> documents(Corpus corpus, int count, String idPrefix) {
        String all = String.join("\n\n", corpus.texts());
        List<IngestedDocument> documents = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int start = (int) ((long) i * 7_919 % (all.length() - DOCUMENT_CHARS));
            String text = all.substring(start, start + DOCUMENT_CHARS);
            String id = idPrefix + String.format("%064x", i);
            documents.add(IngestedDocument.newBuilder().setId(id).setFileName(id + ".txt")
                    .setRelativePath(id + ".txt").setContentType("text/plain").setSizeBytes(text.length())
                    .setText(text).setTextLength(text.length()).setIngestedAt(Instant.now())
                    .setIngestInstance("bench").setMetadata(Map.of()).build());
        }
        return documents;
    }
}
