package nl.kamerstroom.enrich.topology;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import nl.kamerstroom.enrich.entities.EntityMentionsMapper;
import nl.kamerstroom.schema.EnrichedDocument;
import nl.kamerstroom.schema.EntityCount;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.TestOutputTopic;

/**
 * What a downstream reader of the compacted outputs holds: the latest enriched version of each
 * document, the latest count of each entity (a tombstone removes either), and the counts a
 * recount over those documents gives. Reads the output topics as they grow.
 */
final class CurrentState {

    /** One entity's totals, comparable across the two sources. */
    record Totals(long mentions, long documents) {
    }

    private final TopologyFixture fixture;
    final Map<String, EnrichedDocument> documents = new HashMap<>();
    final Map<String, EntityCount> counts = new HashMap<>();

    CurrentState(TopologyFixture fixture) {
        this.fixture = fixture;
    }

    /** Applies every output written since the last call. */
    CurrentState read() {
        apply(fixture.enriched, documents);
        apply(fixture.counts, counts);
        return this;
    }

    Map<String, Totals> counted() {
        Map<String, Totals> totals = new TreeMap<>();
        counts.forEach((entity, count) -> totals.put(entity, new Totals(count.getMentions(), count.getDocuments())));
        return totals;
    }

    /** The counts a fresh pass over the current documents gives. */
    Map<String, Totals> recount() {
        Map<String, Totals> totals = new TreeMap<>();
        for (EnrichedDocument document : documents.values()) {
            for (var kv : EntityMentionsMapper.mentions(document)) {
                totals.merge(kv.key, new Totals(kv.value.getMentions(), 1),
                        (a, b) -> new Totals(a.mentions() + b.mentions(), a.documents() + b.documents()));
            }
        }
        return totals;
    }

    private static <V> void apply(TestOutputTopic<String, V> topic, Map<String, V> latest) {
        for (KeyValue<String, V> record : topic.readKeyValuesToList()) {
            if (record.value == null) {
                latest.remove(record.key);
            } else {
                latest.put(record.key, record.value);
            }
        }
    }
}
