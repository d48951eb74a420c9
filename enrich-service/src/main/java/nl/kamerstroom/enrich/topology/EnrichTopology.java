package nl.kamerstroom.enrich.topology;

import java.time.Clock;
import nl.kamerstroom.enrich.EnrichConfig;
import nl.kamerstroom.enrich.entities.EntityMentionsMapper;
import nl.kamerstroom.enrich.metrics.EnrichMetrics;
import nl.kamerstroom.schema.EnrichedDocument;
import nl.kamerstroom.schema.EntityCount;
import nl.kamerstroom.schema.EntityMentions;
import nl.kamerstroom.topic.Topic;
import nl.kamerstroom.topic.Topics;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;

/**
 * The enrich topology, as a pure function of its topics and collaborators:
 *
 * <pre>
 * documents.ingested ─ drop-duplicates ─ extract-entities ─ remember-document-id ─┬─ documents.enriched
 *                        (seen-document-ids store)                                 └─ split-entity-mentions ─ entities.mentions
 *                                                                                        └─ group-by-entity ─ count-entities ─ entities.counts
 * </pre>
 *
 * Every processor, store and internal topic is named, so that a change to the topology does
 * not silently rename them (which would orphan state and restart the counts from zero).
 */
public final class EnrichTopology {

    /** Ids of the documents already enriched; grows by ~100 bytes per document. */
    public static final String SEEN_IDS_STORE = "seen-document-ids";
    /** The entity counts KTable; queryable, and the source of {@code entities.counts}. */
    public static final String ENTITY_COUNTS_STORE = "entity-counts";
    /** Repartition by entity key, so all mentions of one entity meet in one task. */
    public static final String MENTIONS_BY_ENTITY = "entity-mentions-by-key";

    private EnrichTopology() {
    }

    /**
     * @param config    the record size limit ({@code MAX_RECORD_BYTES}) of the enriched documents
     * @param extractor finds the entities; thread-safe
     * @param clock     stamps {@code enrichedAt}
     */
    public static Topology build(EnrichConfig config, Topics topics, TextExtractor extractor, EnrichMetrics metrics,
                                 Clock clock) {
        StreamsBuilder builder = new StreamsBuilder();
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(SEEN_IDS_STORE), Serdes.String(), Serdes.Long()));

        KStream<String, EnrichedDocument> enriched = builder
                .stream(topics.ingested.name(), consumed(topics.ingested, "documents-ingested-source"))
                // A null value is no document (documents.ingested is an event stream, not a table).
                .filter((id, document) -> document != null, Named.as("drop-empty-records"))
                .processValues(() -> new DuplicateFilter(SEEN_IDS_STORE, metrics), Named.as("drop-duplicates"),
                        SEEN_IDS_STORE)
                .mapValues(new EnrichStep(extractor, clock, metrics), Named.as("extract-entities"))
                .processValues(() -> new SeenIdRecorder(SEEN_IDS_STORE), Named.as("remember-document-id"),
                        SEEN_IDS_STORE);
        // Added first, so it is the first sink to see a document: the handler still has the input bytes.
        enriched.to(topics.enriched.name(), Produced.with(topics.enriched.keySerde(),
                        new RecordSizeLimit<>(topics.enriched.valueSerde(), config.maxRecordBytes()))
                .withName("documents-enriched-sink"));

        KStream<String, EntityMentions> mentions = enriched.flatMap(
                (id, document) -> EntityMentionsMapper.mentions(document), Named.as("split-entity-mentions"));
        mentions.to(topics.entityMentions.name(), produced(topics.entityMentions, "entity-mentions-sink"));

        EntityCounter counter = new EntityCounter();
        mentions.groupByKey(Grouped.with(MENTIONS_BY_ENTITY, Serdes.String(), topics.entityMentions.valueSerde()))
                .aggregate(counter, counter, Named.as("count-entities"),
                        Materialized.<String, EntityCount, KeyValueStore<Bytes, byte[]>>as(ENTITY_COUNTS_STORE)
                                .withKeySerde(Serdes.String())
                                .withValueSerde(topics.entityCounts.valueSerde()))
                .toStream(Named.as("entity-count-changes"))
                .to(topics.entityCounts.name(), produced(topics.entityCounts, "entity-counts-sink"));
        return builder.build();
    }

    private static <K, V> Consumed<K, V> consumed(Topic<K, V> topic, String name) {
        return Consumed.with(topic.keySerde(), topic.valueSerde()).withName(name);
    }

    private static <K, V> Produced<K, V> produced(Topic<K, V> topic, String name) {
        return Produced.with(topic.keySerde(), topic.valueSerde()).withName(name);
    }
}
