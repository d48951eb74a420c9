package nl.kamerstroom.index.topic;

import io.micrometer.core.instrument.MeterRegistry;
import nl.kamerstroom.schema.EnrichedDocument;
import nl.kamerstroom.schema.IndexDocument;
import nl.kamerstroom.topic.Topic;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.Topology;

/**
 * documents.enriched → documents.index: one stateless step, keyed by document id on both sides,
 * so the compacted index topic keeps the latest version of every document and a tombstone on
 * the input becomes a tombstone on the output. A record that cannot be decoded, mapped, built
 * into a Lucene document or written goes to the dead-letter topic instead, in the same
 * transaction as everything else the task writes: exactly once, and the stream goes on.
 *
 * <p>Records enter and leave as bytes and {@link IndexDocumentProcessor} does the Avro work
 * itself: a serde failure in a source or sink node reaches only Streams' exception handlers,
 * which in Kafka 4.1 cannot write into the task's transaction (KIP-1034 adds that in 4.2).
 */
public final class IndexTopology {

    static final String SOURCE = "read-enriched-documents";
    static final String PROCESSOR = "flatten-to-index-document";

    private IndexTopology() {
    }

    public static Topology build(Topic<String, EnrichedDocument> enriched, Topic<String, IndexDocument> index,
                                 Topic<byte[], byte[]> deadLetters, IndexDocumentMapper mapper, String instanceId,
                                 MeterRegistry registry) {
        IndexDocumentProcessor.Counters counters = new IndexDocumentProcessor.Counters(registry, enriched.name());
        ByteArraySerializer bytes = new ByteArraySerializer();
        return new Topology()
                .addSource(SOURCE, new ByteArrayDeserializer(), new ByteArrayDeserializer(), enriched.name())
                .addProcessor(PROCESSOR, () -> new IndexDocumentProcessor(enriched, index, mapper, instanceId, counters), SOURCE)
                .addSink(IndexDocumentProcessor.INDEX_SINK, index.name(), bytes, bytes, PROCESSOR)
                .addSink(IndexDocumentProcessor.DEAD_LETTER_SINK, deadLetters.name(), bytes, bytes, PROCESSOR);
    }
}
