package nl.kamerstroom.enrich.topology;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import nl.kamerstroom.enrich.entities.EntityMentionsMapper;
import nl.kamerstroom.schema.EnrichedDocument;
import nl.kamerstroom.schema.EntityCount;
import nl.kamerstroom.schema.EntityMentions;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.TestOutputTopic;

/**
 * What a downstream reader of the outputs holds: the latest enriched version of each document,
 * the latest count of each entity (a tombstone removes either), the latest (document, entity)
 * row of each entity from entities.mentions, and the counts a recount over those documents
 * gives. Reads the output topics as they grow.
 */
final class CurrentState {

    /** One entity's totals, comparable across the sources. */
    record Totals(long mentions, long documents) {
    }

    private final TopologyFixture fixture;
    final Map<String, EnrichedDocument> documents = new HashMap<>();
    final Map<String, EntityCount> counts = new HashMap<>();
    /** Per entity key, per document id: the mentions of the latest row on entities.mentions. */
    final Map<String, Map<String, Integer>> rows = new HashMap<>();
    /** Mentions records whose previousMentions is not the mentions of the row they replace. */
    final List<String> wrongPreviousMentions = new ArrayList<>();

    CurrentState(TopologyFixture fixture) {
        this.fixture = fixture;
    }

    /** Applies every output written since the last call. */
    CurrentState read() {
        apply(fixture.enriched, documents);
        apply(fixture.counts, counts);
        fixture.mentions.readKeyValuesToList().forEach(record -> applyRow(record.key, record.value));
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
                totals.merge(kv.key, new Totals(kv.value.getMentions(), 1), CurrentState::sum);
            }
        }
        return totals;
    }

    /** The counts a reader of entities.mentions alone gets from the latest row per (entity, document). */
    Map<String, Totals> fromRows() {
        Map<String, Totals> totals = new TreeMap<>();
        rows.forEach((entity, byDocument) -> byDocument.values()
                .forEach(mentions -> totals.merge(entity, new Totals(mentions, 1), CurrentState::sum)));
        return totals;
    }

    private void applyRow(String entity, EntityMentions row) {
        Map<String, Integer> byDocument = rows.computeIfAbsent(entity, k -> new HashMap<>());
        int replaced = byDocument.getOrDefault(row.getDocumentId(), 0);
        if (row.getPreviousMentions() != replaced) {
            wrongPreviousMentions.add(entity + " in " + row.getDocumentId() + ": previousMentions "
                    + row.getPreviousMentions() + ", the row it replaces " + replaced);
        }
        if (row.getMentions() == 0) {
            byDocument.remove(row.getDocumentId());
        } else {
            byDocument.put(row.getDocumentId(), row.getMentions());
        }
        if (byDocument.isEmpty()) {
            rows.remove(entity);
        }
    }

    private static Totals sum(Totals a, Totals b) {
        return new Totals(a.mentions() + b.mentions(), a.documents() + b.documents());
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
