package nl.kamerstroom.enrich.topology;

import java.time.Clock;
import java.util.ArrayList;
import nl.kamerstroom.enrich.EnrichConfig;
import nl.kamerstroom.enrich.metrics.EnrichMetrics;
import nl.kamerstroom.schema.EntityCount;
import nl.kamerstroom.schema.EntityMentions;
import nl.kamerstroom.topic.Topic;
import nl.kamerstroom.topic.Topics;
import org.apache.kafka.common.serialization.Serde;
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
 * documents.ingested ─ enrich-document ─┬─ documents.enriched (bytes encoded by enrich-document; tombstones pass)
 *                                       └─ diff-document-entities (document-entities store)
 *                                            └─ entities.mentions (changed rows keyed by entity, with their old mentions)
 *
 * entities.mentions ─ count-entities (entity-counts store: += mentions - previousMentions) ─ entities.counts
 * </pre>
 *
 * The counts read entities.mentions back as the source of a second subtopology: it is keyed by
 * entity already, so all changes of one entity meet in one task without a repartition topic,
 * and each change carries its own delta, so the rows are stored once (in document-entities).
 * Exactly-once holds across the hop: the changes are written in the transaction that updates
 * document-entities, and Streams reads its sources read_committed.
 *
 * Every processor, store and internal topic is named, so that a change to the topology does
 * not silently rename them (which would orphan state and restart the counts from zero).
 */
public final class EnrichTopology {

    /** Per document id, the entity rows of its current version: what a new version or a delete replaces. */
    public static final String DOCUMENT_ENTITIES_STORE = "document-entities";
    /** The entity counts KTable; queryable, and the source of {@code entities.counts}. */
    public static final String ENTITY_COUNTS_STORE = "entity-counts";

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

        enriched.process(() -> new DocumentEntityChanges(DOCUMENT_ENTITIES_STORE), Named.as("diff-document-entities"),
                        DOCUMENT_ENTITIES_STORE)
                .to(topics.entityMentions.name(), produced(topics.entityMentions, "entity-mentions-sink"));

        EntityCounter counter = new EntityCounter();
        builder.stream(topics.entityMentions.name(), consumed(topics.entityMentions, "entity-mentions-source"))
                // Keyed by entity as written: grouping by key needs no repartition topic.
                .groupByKey(Grouped.with(topics.entityMentions.keySerde(), mentionsSerde))
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
