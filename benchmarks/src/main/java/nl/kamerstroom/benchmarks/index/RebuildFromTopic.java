package nl.kamerstroom.benchmarks.index;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import nl.kamerstroom.common.config.Settings;
import nl.kamerstroom.common.kafka.KafkaClients;
import nl.kamerstroom.embedded.KafkaBroker;
import nl.kamerstroom.embedded.SchemaRegistryServer;
import nl.kamerstroom.index.IndexConfig;
import nl.kamerstroom.index.search.DocumentSearch;
import nl.kamerstroom.index.store.FeedPolicy;
import nl.kamerstroom.index.store.IndexFeeder;
import nl.kamerstroom.index.store.SearchIndex;
import nl.kamerstroom.index.store.StoreDeadLetters;
import nl.kamerstroom.index.store.StoreMetrics;
import nl.kamerstroom.schema.IndexDocument;
import nl.kamerstroom.topic.TopicCreator;
import nl.kamerstroom.topic.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * A new replica rebuilding its index from documents.index on a real (embedded) broker and
 * registry, with the service's own feeder and default commit/refresh policy; then the time from
 * producing one more document to the index topic until a search finds it.
 */
final class RebuildFromTopic {

    private static final int VISIBILITY_SAMPLES = 50;

    private RebuildFromTopic() {
    }

    static void measure(BenchmarkDocuments source, int documents, PrintStream out) throws Exception {
        try (KafkaBroker broker = KafkaBroker.builder().heap("768m").build();
             SchemaRegistryServer registry = SchemaRegistryServer.builder().build()) {
            CompletableFuture.allOf(CompletableFuture.runAsync(broker::start),
                    CompletableFuture.runAsync(registry::start)).join();
            IndexConfig config = IndexConfig.from(Settings.of(Map.of("KAFKA_BOOTSTRAP_SERVERS", broker.bootstrapServers(),
                    "SCHEMA_REGISTRY_URL", registry.url(), "INSTANCE_ID", "bench", "TOPIC_PARTITIONS", "3")));
            Topics topics = Topics.create(config.kafka().serdeConfig());
            try (Admin admin = Admin.create(KafkaClients.admin(config.kafka(), "bench-admin"));
                 KafkaProducer<String, IndexDocument> producer = new KafkaProducer<>(
                         KafkaClients.documentProducer(config.kafka(), "bench-producer"),
                         topics.index.keySerde().serializer(), topics.index.valueSerde().serializer())) {
                TopicCreator.ensure(admin, List.of(topics.index), config.kafka().topicPartitions(), (short) 1);
                long produceStart = System.nanoTime();
                for (int i = 0; i < documents; i++) {
                    IndexDocument doc = source.index("topic-", i);
                    producer.send(new ProducerRecord<>(Topics.INDEX, doc.getId(), doc));
                }
                producer.flush();
                out.printf("Produced %d documents to %s in %.1f s%n", documents, Topics.INDEX,
                        (System.nanoTime() - produceStart) / 1e9);
                rebuild(config, topics, producer, source, documents, out);
            }
        }
    }

    private static void rebuild(IndexConfig config, Topics topics, KafkaProducer<String, IndexDocument> producer,
                                BenchmarkDocuments source, int documents, PrintStream out) throws Exception {
        Path dir = Files.createTempDirectory("index-rebuild-");
        FeedPolicy policy = new FeedPolicy(config.commitInterval(), config.commitDocs(), config.refreshInterval());
        try (SearchIndex index = SearchIndex.open(dir)) {
            KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(
                    KafkaClients.committedReader(config.kafka(), "bench-store", "bench-store"),
                    new ByteArrayDeserializer(), new ByteArrayDeserializer());
            SimpleMeterRegistry meters = new SimpleMeterRegistry();
            StoreDeadLetters deadLetters = new StoreDeadLetters(new KafkaProducer<>(
                    KafkaClients.documentProducer(config.kafka(), "bench-store-dlq"), new ByteArraySerializer(),
                    new ByteArraySerializer()), Topics.INDEX_DEAD_LETTERS, "bench", meters);
            try (deadLetters; IndexFeeder feeder = new IndexFeeder(consumer, topics.index.valueSerde().deserializer(),
                    Topics.INDEX, index, deadLetters, policy, new StoreMetrics(meters, index), Clock.systemUTC())) {
                long started = System.nanoTime();
                long cpuStarted = CpuTime.processNanos();
                feeder.start();
                while (!feeder.caughtUp()) {
                    Thread.sleep(10);
                }
                double seconds = (System.nanoTime() - started) / 1e9;
                double cpuSeconds = (CpuTime.processNanos() - cpuStarted) / 1e9;
                out.printf("RESULT rebuild from the topic: %d documents in %.1f s = %.0f documents/s "
                                + "(commit every %d ms, refresh at most every %d ms); %.2f CPU ms per document in "
                                + "this JVM (load average %s)%n", index.documentCount(), seconds, documents / seconds,
                        config.commitInterval().toMillis(), config.refreshInterval().toMillis(),
                        cpuSeconds * 1000 / documents, CpuTime.loadAverage());
                visibility(new DocumentSearch(index), producer, source, documents, config, out);
            }
        } finally {
            IndexBenchmark.delete(dir);
        }
    }

    /** One document at a time, 100 ms apart: produce to the index topic, then search for it until found. */
    private static void visibility(DocumentSearch search, KafkaProducer<String, IndexDocument> producer,
                                   BenchmarkDocuments source, int offset, IndexConfig config, PrintStream out)
            throws Exception {
        long[] nanos = new long[VISIBILITY_SAMPLES];
        for (int i = 0; i < VISIBILITY_SAMPLES; i++) {
            IndexDocument doc = source.index("visible-", offset + i);
            long started = System.nanoTime();
            producer.send(new ProducerRecord<>(Topics.INDEX, doc.getId(), doc));
            producer.flush();
            while (search.document(doc.getId()).isEmpty()) {
                Thread.sleep(1);
            }
            nanos[i] = System.nanoTime() - started;
            Thread.sleep(100);
        }
        Arrays.sort(nanos);
        out.printf("RESULT produced to %s -> searchable: p50 %.0f ms, p99 %.0f ms, max %.0f ms (%d samples, "
                        + "refresh interval %d ms)%n", Topics.INDEX, QueryLatency.ms(QueryLatency.percentile(nanos, 50)),
                QueryLatency.ms(QueryLatency.percentile(nanos, 99)), QueryLatency.ms(nanos[nanos.length - 1]),
                VISIBILITY_SAMPLES, config.refreshInterval().toMillis());
    }
}
