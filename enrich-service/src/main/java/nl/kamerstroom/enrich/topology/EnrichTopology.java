package nl.kamerstroom.enrich.topology;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import nl.kamerstroom.enrich.EnrichConfig;
import nl.kamerstroom.enrich.metrics.EnrichMetrics;
import nl.kamerstroom.schema.EntityCount;
import nl.kamerstroom.schema.EntityMentions;
import nl.kamerstroom.topic.Topic;
import nl.kamerstroom.topic.Topics;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
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
 * documents.ingested ─ enrich-document ─┬─ documents.enriched (bytes encoded by enrich-document; tombstones pass)
 *                                       └─ diff-document-entities (document-entities store)
 *                                            ├─ entities.mentions (changed rows, mentions 0 = gone)
 *                                            └─ document-entity-mentions (KTable of (document, entity) rows)
 *                                                 └─ group by entity ─ count-entities (add / subtract) ─ entities.counts
 * </pre>
 *
 * Every processor, store and internal topic is named, so that a change to the topology does
 * not silently rename them (which would orphan state and restart the counts from zero).
 */
public final class EnrichTopology {

    /** Per document id, the entity rows of its current version: what a new version or a delete replaces. */
    public static final String DOCUMENT_ENTITIES_STORE = "document-entities";
    /** The KTable of (document, entity) rows the counts aggregate. */
    public static final String DOCUMENT_ENTITY_MENTIONS = "document-entity-mentions";
    /** The entity counts KTable; queryable, and the source of {@code entities.counts}. */
    public static final String ENTITY_COUNTS_STORE = "entity-counts";
    /** Repartition by entity key, so all rows of one entity meet in one task. */
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
        Serde<EntityMentions> mentionsSerde = topics.entityMentions.valueSerde();
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(DOCUMENT_ENTITIES_STORE),
                Serdes.String(), Serdes.ListSerde(ArrayList.class, mentionsSerde)));
        EnrichedEncoder encoder = new EnrichedEncoder(topics.enriched.valueSerde().serializer(), topics.enriched.name(),
                config.maxRecordBytes());

        KStream<String, EnrichedOutput> enriched = builder
                .stream(topics.ingested.name(), consumed(topics.ingested, "documents-ingested-source"))
                .processValues(() -> new EnrichDocument(extractor, encoder, clock, metrics), Named.as("enrich-document"));
        enriched.mapValues(output -> output == null ? null : output.bytes(), Named.as("enriched-document-bytes"))
                .to(topics.enriched.name(), Produced.with(topics.enriched.keySerde(), Serdes.ByteArray())
                        .withName("documents-enriched-sink"));

        KStream<String, EntityMentions> rows = enriched.process(
                () -> new DocumentEntityChanges(DOCUMENT_ENTITIES_STORE), Named.as("diff-document-entities"),
                DOCUMENT_ENTITIES_STORE);
        rows.map((row, mentions) -> KeyValue.pair(DocumentEntityChanges.entityKey(mentions), mentions),
                        Named.as("key-mentions-by-entity"))
                .to(topics.entityMentions.name(), produced(topics.entityMentions, "entity-mentions-sink"));

        EntityCounter counter = new EntityCounter();
        rows.mapValues(mentions -> mentions.getMentions() == 0 ? null : mentions, Named.as("gone-rows-to-tombstones"))
                .toTable(Named.as(DOCUMENT_ENTITY_MENTIONS),
                        Materialized.<String, EntityMentions, KeyValueStore<Bytes, byte[]>>as(DOCUMENT_ENTITY_MENTIONS)
                                .withKeySerde(Serdes.String())
                                .withValueSerde(mentionsSerde))
                .groupBy((row, mentions) -> KeyValue.pair(DocumentEntityChanges.entityKey(mentions), mentions),
                        Grouped.with(MENTIONS_BY_ENTITY, Serdes.String(), mentionsSerde))
                .aggregate(counter, counter.adder(), counter.subtractor(), Named.as("count-entities"),
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
