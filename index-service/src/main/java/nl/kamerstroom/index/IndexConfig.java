package nl.kamerstroom.index;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import nl.kamerstroom.common.config.HttpConfig;
import nl.kamerstroom.common.config.KafkaConfig;
import nl.kamerstroom.common.config.Setting;
import nl.kamerstroom.common.config.Settings;
import nl.kamerstroom.index.opensearch.OpenSearchConfig;
import nl.kamerstroom.index.operator.OperatorConfig;

/**
 * Everything the index-service reads from its environment. The service-specific names carry an
 * {@code INDEX_} prefix because the launcher runs all services in one JVM from one environment.
 *
 * @param dataDir         holds {@code lucene/} (the search index) and {@code streams/} (Kafka Streams state)
 * @param applicationId   Kafka Streams application id of the enriched → index topology
 * @param commitInterval  how often the store commits Lucene and the consumed offsets together
 * @param commitDocs      commit earlier once this many changes are pending
 * @param refreshInterval shortest time between two near-real-time refreshes of the searcher
 * @param storeGroupId    consumer group the store reports its offsets to, for lag dashboards only
 * @param queryTimeout    how long one search may collect matches before it answers with what it found
 * @param operator        what the operator view reads besides Kafka
 * @param store           which store is fed and searched
 * @param openSearch      where the OpenSearch store is, when {@code store} is {@link IndexStore#OPENSEARCH}
 */
public record IndexConfig(KafkaConfig kafka, HttpConfig http, Path dataDir, String applicationId,
                          Duration commitInterval, int commitDocs, Duration refreshInterval, String storeGroupId,
                          Duration queryTimeout, OperatorConfig operator, IndexStore store,
                          OpenSearchConfig openSearch) {

    public static final int DEFAULT_HTTP_PORT = 8080;

    public static final Setting<Path> INDEX_DIR = Setting.path("INDEX_DIR", "kamerstroom-data/index",
            "Local directory of the search index (lucene/) and the topology's state (streams/); "
                    + "delete it to rebuild the index from the topic.");
    public static final Setting<String> APPLICATION_ID = Setting.string("INDEX_APPLICATION_ID", "kamerstroom-index",
            "Kafka Streams application id of the documents.enriched → documents.index topology.");
    public static final Setting<Duration> COMMIT_INTERVAL = Setting.duration("INDEX_COMMIT_INTERVAL", "1s",
            "How often the store commits the index together with the consumed offsets (an fsync each time).");
    public static final Setting<Integer> COMMIT_DOCS = Setting.integer("INDEX_COMMIT_DOCS", 5000,
            "Commit the store earlier once this many documents are pending.");
    public static final Setting<Duration> REFRESH_INTERVAL = Setting.duration("INDEX_REFRESH_INTERVAL", "200ms",
            "Shortest time between two searcher refreshes; a refresh happens only when something was indexed.");
    public static final Setting<String> STORE_GROUP_ID = Setting.string("INDEX_STORE_GROUP_ID", "kamerstroom-index-store",
            "Consumer group (suffixed with INSTANCE_ID) the store commits its position to, only so dashboards show its lag.");

    public static final Setting<Duration> QUERY_TIMEOUT = Setting.duration("INDEX_QUERY_TIMEOUT", "5s",
            "How long one search may collect matches; then it answers with what it found, marked timedOut.");

    public static final List<Setting<?>> SETTINGS = settings();

    public static IndexConfig from(Settings settings) {
        return new IndexConfig(KafkaConfig.from(settings), HttpConfig.from(settings, DEFAULT_HTTP_PORT),
                settings.get(INDEX_DIR), settings.get(APPLICATION_ID), settings.get(COMMIT_INTERVAL),
                settings.get(COMMIT_DOCS), settings.get(REFRESH_INTERVAL), settings.get(STORE_GROUP_ID),
                settings.get(QUERY_TIMEOUT), OperatorConfig.from(settings), settings.get(IndexStore.SETTING),
                OpenSearchConfig.from(settings));
    }

    public Path luceneDir() {
        return dataDir.resolve("lucene");
    }

    public Path streamsStateDir() {
        return dataDir.resolve("streams");
    }

    private static List<Setting<?>> settings() {
        List<Setting<?>> all = new ArrayList<>(KafkaConfig.SETTINGS);
        all.addAll(HttpConfig.settings(DEFAULT_HTTP_PORT));
        all.addAll(List.of(INDEX_DIR, APPLICATION_ID, COMMIT_INTERVAL, COMMIT_DOCS, REFRESH_INTERVAL, STORE_GROUP_ID,
                QUERY_TIMEOUT, IndexStore.SETTING));
        all.addAll(OperatorConfig.SETTINGS);
        all.addAll(OpenSearchConfig.SETTINGS);
        return List.copyOf(all);
    }
}
