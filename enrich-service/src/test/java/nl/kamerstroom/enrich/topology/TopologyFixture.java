package nl.kamerstroom.enrich.topology;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import nl.kamerstroom.common.config.Settings;
import nl.kamerstroom.enrich.EnrichConfig;
import nl.kamerstroom.enrich.errors.DeadLetterPublisher;
import nl.kamerstroom.enrich.metrics.EnrichMetrics;
import nl.kamerstroom.enrich.streams.StreamsProperties;
import nl.kamerstroom.schema.EnrichedDocument;
import nl.kamerstroom.schema.EntityCount;
import nl.kamerstroom.schema.EntityMentions;
import nl.kamerstroom.schema.IngestedDocument;
import nl.kamerstroom.serde.AvroSerdeConfig;
import nl.kamerstroom.serde.SchemaRegistryClients;
import nl.kamerstroom.topic.Topics;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;

/**
 * The enrich topology in a {@link TopologyTestDriver} with the service's own Streams
 * properties (exactly-once, the dead-letter handlers), an in-memory schema registry, a fixed
 * clock and a {@link MockProducer} standing in for the dead-letter topic.
 */
final class TopologyFixture implements AutoCloseable {

    static final Instant NOW = Instant.parse("2026-11-25T22:00:00Z");

    final String registryUrl = "mock://enrich-topology-" + UUID.randomUUID();
    final Topics topics = Topics.create(new AvroSerdeConfig(registryUrl, true, false));
    final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    final EnrichMetrics metrics = new EnrichMetrics(registry);
    final MockProducer<byte[], byte[]> deadLetterProducer =
            new MockProducer<>(true, null, new ByteArraySerializer(), new ByteArraySerializer());
    final Topology topology;
    final TopologyTestDriver driver;
    final TestInputTopic<String, IngestedDocument> ingested;
    final TestInputTopic<String, byte[]> ingestedBytes;
    final TestOutputTopic<String, EnrichedDocument> enriched;
    final TestOutputTopic<String, EntityMentions> mentions;
    final TestOutputTopic<String, EntityCount> counts;

    TopologyFixture(TextExtractor extractor, Path stateDir) {
        this(extractor, stateDir, Map.of());
    }

    /** @param settings environment variables of the service, e.g. MAX_RECORD_BYTES */
    TopologyFixture(TextExtractor extractor, Path stateDir, Map<String, String> settings) {
        EnrichConfig config = EnrichConfig.from(Settings.of(Map.of(
                "STATE_DIR", stateDir.toString(), "SCHEMA_REGISTRY_URL", registryUrl, "INSTANCE_ID", "test"))
                .with(settings));
        DeadLetterPublisher publisher = new DeadLetterPublisher(deadLetterProducer, Topics.DEAD_LETTERS,
                "enrich-service", "test", metrics);
        topology = EnrichTopology.build(config, topics, extractor, metrics, Clock.fixed(NOW, ZoneOffset.UTC));
        driver = new TopologyTestDriver(topology, StreamsProperties.of(config, publisher));
        ingested = driver.createInputTopic(Topics.INGESTED, new StringSerializer(),
                topics.ingested.valueSerde().serializer());
        ingestedBytes = driver.createInputTopic(Topics.INGESTED, new StringSerializer(), new ByteArraySerializer());
        enriched = driver.createOutputTopic(Topics.ENRICHED, new StringDeserializer(),
                topics.enriched.valueSerde().deserializer());
        mentions = driver.createOutputTopic(Topics.ENTITY_MENTIONS, new StringDeserializer(),
                topics.entityMentions.valueSerde().deserializer());
        counts = driver.createOutputTopic(Topics.ENTITY_COUNTS, new StringDeserializer(),
                topics.entityCounts.valueSerde().deserializer());
    }

    java.util.List<String> enrichedKeys() {
        return enriched.readKeyValuesToList().stream().map(kv -> kv.key).toList();
    }

    /** Pipes the record as ingest writes it, key = document id; null is a delete. */
    void ingest(String id, IngestedDocument document) {
        ingested.pipeInput(id, document);
    }

    double counter(String name, String tag, String value) {
        var counter = registry.find(name).tag(tag, value).counter();
        return counter == null ? 0 : counter.count();
    }

    byte[] serialized(IngestedDocument document) {
        return topics.ingested.valueSerde().serializer().serialize(Topics.INGESTED, document);
    }

    @Override
    public void close() {
        driver.close();
        SchemaRegistryClients.dropMockScope(registryUrl);
    }
}
