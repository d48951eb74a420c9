package nl.kamerstroom.index.store;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import nl.kamerstroom.common.deadletter.DeadLetter;
import nl.kamerstroom.topic.Topics;

/** What the store exports to Prometheus (names as the Grafana dashboard queries them). */
public final class StoreMetrics {

    final Counter upserts;
    final Counter deletes;
    final Counter refreshes;
    final Counter commits;
    private final AtomicLong lag = new AtomicLong();

    public StoreMetrics(MeterRegistry registry, SearchIndex index) {
        upserts = documents(registry, "upsert");
        deletes = documents(registry, "delete");
        // Registered up front so dashboards and alerts see 0 rather than no series at all.
        for (String stage : List.of(DeadLetter.DESERIALIZE, DeadLetter.INDEX)) {
            deadLetterCounter(registry, Topics.INDEX, stage);
        }
        refreshes = Counter.builder("kamerstroom_index_refreshes_total")
                .description("Near-real-time searcher refreshes").register(registry);
        commits = Counter.builder("kamerstroom_index_commits_total")
                .description("Lucene commits (documents and topic offsets together)").register(registry);
        Gauge.builder("kamerstroom_index_lag_records", lag, AtomicLong::get)
                .description("Records of documents.index not yet indexed, summed over partitions").register(registry);
        Gauge.builder("kamerstroom_index_documents", index, SearchIndex::documentCount)
                .description("Documents searchable now").register(registry);
        Gauge.builder("kamerstroom_index_size_bytes", index, SearchIndex::sizeBytes)
                .description("Size of the Lucene index on disk").baseUnit("bytes").register(registry);
    }

    void lag(long records) {
        lag.set(records);
    }

    /**
     * Records sent to a dead-letter topic, by the topic they were read from (documents.enriched
     * by the topology, documents.index by the store) and the stage that failed.
     */
    public static Counter deadLetterCounter(MeterRegistry registry, String sourceTopic, String stage) {
        return Counter.builder("kamerstroom.index.dlq")
                .description("Records sent to a dead-letter topic, by source topic and the stage that failed")
                .tag("topic", sourceTopic)
                .tag("reason", stage)
                .register(registry);
    }

    private static Counter documents(MeterRegistry registry, String operation) {
        return Counter.builder("kamerstroom_index_documents_indexed_total")
                .description("Changes applied to the index from documents.index")
                .tag("operation", operation).register(registry);
    }
}
