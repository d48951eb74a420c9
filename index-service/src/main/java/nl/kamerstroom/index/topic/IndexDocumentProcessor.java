package nl.kamerstroom.index.topic;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import nl.kamerstroom.common.deadletter.DeadLetter;
import nl.kamerstroom.index.store.LuceneDocuments;
import nl.kamerstroom.index.store.StoreMetrics;
import nl.kamerstroom.schema.EnrichedDocument;
import nl.kamerstroom.schema.IndexDocument;
import nl.kamerstroom.serde.SchemaRegistryException;
import nl.kamerstroom.topic.Topic;
import nl.kamerstroom.topic.Topics;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns one enriched record (bytes) into its index record (bytes), or into a dead letter when
 * that cannot be done: a missing key, bytes that are not a decodable {@code EnrichedDocument},
 * a document the mapper or the Lucene store cannot take (checked by building the Lucene
 * document), or an index record larger than the topic accepts. Failures of the registry
 * itself (unreachable, 5xx) are not the record's fault: they fail the task, which Streams
 * retries from the last commit, so a registry outage never fills the dead-letter topic.
 */
final class IndexDocumentProcessor implements Processor<byte[], byte[], byte[], byte[]> {

    static final String INDEX_SINK = "write-index-documents";
    static final String DEAD_LETTER_SINK = "write-dead-letters";
    /** The service name in the dead letters' {@code kamerstroom.errors.service} header. */
    static final String SERVICE = "index";
    /** Room for the key, headers and record framing within the producer's max.request.size. */
    static final int OVERHEAD_ALLOWANCE = 16 * 1024;
    static final int MAX_VALUE_BYTES = Topics.MAX_MESSAGE_BYTES - OVERHEAD_ALLOWANCE;

    private static final Logger LOG = LoggerFactory.getLogger(IndexDocumentProcessor.class);

    private final String source;
    private final String target;
    private final Deserializer<EnrichedDocument> enrichedDeserializer;
    private final Serializer<IndexDocument> indexSerializer;
    private final IndexDocumentMapper mapper;
    private final String instanceId;
    private final Counters counters;
    private ProcessorContext<byte[], byte[]> context;

    IndexDocumentProcessor(Topic<String, EnrichedDocument> enriched, Topic<String, IndexDocument> index,
                           IndexDocumentMapper mapper, String instanceId, Counters counters) {
        this.source = enriched.name();
        this.target = index.name();
        this.enrichedDeserializer = enriched.valueSerde().deserializer();
        this.indexSerializer = index.valueSerde().serializer();
        this.mapper = mapper;
        this.instanceId = instanceId;
        this.counters = counters;
    }

    @Override
    public void init(ProcessorContext<byte[], byte[]> context) {
        this.context = context;
    }

    @Override
    public void process(Record<byte[], byte[]> record) {
        String stage = DeadLetter.DESERIALIZE;
        try {
            String id = documentId(record.key());
            EnrichedDocument enriched = enrichedDeserializer.deserialize(source, record.headers(), record.value());
            stage = DeadLetter.PROCESS;
            IndexDocument doc = mapper.map(enriched);
            if (doc != null) {
                // What the Lucene store would refuse is refused here, before it reaches every store.
                LuceneDocuments.toLucene(id, doc);
            }
            stage = DeadLetter.SERIALIZE;
            byte[] value = indexSerializer.serialize(target, record.headers(), doc);
            stage = DeadLetter.PRODUCE;
            if (value != null && value.length > MAX_VALUE_BYTES) {
                // Under exactly-once a record the producer refuses dooms the whole transaction.
                throw new RecordTooLargeException("The index record of " + id + " is " + value.length
                        + " bytes, more than the " + MAX_VALUE_BYTES + " bytes " + target + " accepts");
            }
            context.forward(record.withValue(value), INDEX_SINK);
        } catch (RuntimeException e) {
            if (SchemaRegistryException.isUnavailable(e)) {
                throw e;
            }
            deadLetter(record, stage, e);
        }
    }

    private static String documentId(byte[] key) {
        if (key == null || key.length == 0) {
            throw new IllegalArgumentException("Record has no key; documents.enriched is keyed by document id");
        }
        return new String(key, StandardCharsets.UTF_8);
    }

    private void deadLetter(Record<byte[], byte[]> record, String stage, RuntimeException error) {
        RecordMetadata where = context.recordMetadata().orElseThrow();
        LOG.warn("Sending record {}-{}@{} to the dead-letter topic: {} failed: {}", where.topic(), where.partition(),
                where.offset(), stage, error.toString());
        DeadLetter letter = new DeadLetter(stage, where.topic(), where.partition(), where.offset(),
                context.taskId().toString(), IndexTopology.PROCESSOR, record.key(), record.value(),
                record.headers(), error);
        if (record.value() != null && record.value().length > MAX_VALUE_BYTES) {
            letter = letter.withoutValue();
        }
        context.forward(new Record<>(record.key(), letter.value(), record.timestamp(),
                letter.headers(SERVICE, instanceId)), DEAD_LETTER_SINK);
        counters.deadLetter(stage);
    }

    /**
     * Dead letters by stage. Counted when the task writes them: a task retried after a crash
     * counts again, so this is a rate for alerts; the dead-letter topic is the ledger.
     */
    static final class Counters {

        private final Map<String, Counter> byStage = new HashMap<>();

        Counters(MeterRegistry registry, String sourceTopic) {
            for (String stage : DeadLetter.STAGES) {
                byStage.put(stage, StoreMetrics.deadLetterCounter(registry, sourceTopic, stage));
            }
        }

        void deadLetter(String stage) {
            byStage.get(stage).increment();
        }
    }
}
