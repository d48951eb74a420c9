package nl.kamerstroom.topic;

import java.util.List;
import java.util.Map;
import nl.kamerstroom.schema.EnrichedDocument;
import nl.kamerstroom.schema.EntityCount;
import nl.kamerstroom.schema.EntityMentions;
import nl.kamerstroom.schema.FailedDocument;
import nl.kamerstroom.schema.IndexDocument;
import nl.kamerstroom.schema.IngestedDocument;
import nl.kamerstroom.serde.AvroSerde;
import nl.kamerstroom.serde.AvroSerdeConfig;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/**
 * Every topic of the pipeline, declared once. Keys are plain UTF-8 strings, so consumers in
 * any language read them without a registry; values are Avro in the Confluent wire format.
 */
public final class Topics {

    public static final String INGESTED = "documents.ingested";
    public static final String FAILED = "documents.failed";
    public static final String ENRICHED = "documents.enriched";
    public static final String INDEX = "documents.index";
    public static final String DEAD_LETTERS = "documents.dlq";
    /** Records of documents.index a store could not index, one dead letter per store replica. */
    public static final String INDEX_DEAD_LETTERS = "documents.index.dlq";
    public static final String ENTITY_MENTIONS = "entities.mentions";
    public static final String ENTITY_COUNTS = "entities.counts";

    /** Documents carry up to several MB of text; zstd-compressed batches stay far below this. */
    public static final int MAX_MESSAGE_BYTES = 16 * 1024 * 1024;

    private static final String THIRTY_DAYS_MS = Long.toString(30L * 24 * 60 * 60 * 1000);
    private static final Map<String, String> EVENTS = Map.of(
            "cleanup.policy", "delete",
            "retention.ms", THIRTY_DAYS_MS,
            "max.message.bytes", Integer.toString(MAX_MESSAGE_BYTES));
    private static final Map<String, String> TABLE = Map.of(
            "cleanup.policy", "compact",
            "min.compaction.lag.ms", "0",
            "max.message.bytes", Integer.toString(MAX_MESSAGE_BYTES));

    public final Topic<String, IngestedDocument> ingested;
    public final Topic<String, FailedDocument> failed;
    public final Topic<String, EnrichedDocument> enriched;
    public final Topic<String, IndexDocument> index;
    public final Topic<byte[], byte[]> deadLetters;
    public final Topic<byte[], byte[]> indexDeadLetters;
    public final Topic<String, EntityMentions> entityMentions;
    public final Topic<String, EntityCount> entityCounts;

    private Topics(AvroSerdeConfig serdeConfig) {
        ingested = new Topic<>(INGESTED, Serdes.String(), avro(IngestedDocument.class, serdeConfig), EVENTS);
        failed = new Topic<>(FAILED, Serdes.String(), avro(FailedDocument.class, serdeConfig), EVENTS);
        // Compacted: the latest enrichment of every current document is the lossless source that
        // `kamerstroom reprocess` re-feeds from (documents.ingested expires after 30 days).
        enriched = new Topic<>(ENRICHED, Serdes.String(), avro(EnrichedDocument.class, serdeConfig), TABLE);
        index = new Topic<>(INDEX, Serdes.String(), avro(IndexDocument.class, serdeConfig), TABLE);
        deadLetters = new Topic<>(DEAD_LETTERS, Serdes.ByteArray(), Serdes.ByteArray(), EVENTS);
        indexDeadLetters = new Topic<>(INDEX_DEAD_LETTERS, Serdes.ByteArray(), Serdes.ByteArray(), EVENTS);
        entityMentions = new Topic<>(ENTITY_MENTIONS, Serdes.String(), avro(EntityMentions.class, serdeConfig), EVENTS);
        entityCounts = new Topic<>(ENTITY_COUNTS, Serdes.String(), avro(EntityCount.class, serdeConfig), TABLE);
    }

    public static Topics create(AvroSerdeConfig serdeConfig) {
        return new Topics(serdeConfig);
    }

    public List<Topic<?, ?>> all() {
        return List.of(ingested, failed, enriched, index, deadLetters, indexDeadLetters, entityMentions, entityCounts);
    }

    private static <T extends SpecificRecord> Serde<T> avro(Class<T> type, AvroSerdeConfig config) {
        return new AvroSerde<>(type, config, false);
    }
}
