package nl.kamerstroom.index.topic;

import nl.kamerstroom.schema.EnrichedDocument;
import nl.kamerstroom.schema.IndexDocument;
import nl.kamerstroom.topic.Topic;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;

/**
 * documents.enriched → documents.index: one stateless map, keyed by document id on both sides,
 * so the compacted index topic keeps the latest version of every document and a tombstone on
 * the input becomes a tombstone on the output.
 */
public final class IndexTopology {

    private IndexTopology() {
    }

    public static Topology build(Topic<String, EnrichedDocument> enriched, Topic<String, IndexDocument> index,
                                 IndexDocumentMapper mapper) {
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream(enriched.name(), Consumed.with(enriched.keySerde(), enriched.valueSerde())
                        .withName("read-enriched-documents"))
                .mapValues(mapper::map, Named.as("flatten-to-index-document"))
                .to(index.name(), Produced.with(index.keySerde(), index.valueSerde())
                        .withName("write-index-documents"));
        return builder.build();
    }
}
