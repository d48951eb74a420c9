package nl.kamerstroom.index.opensearch;

import java.util.List;
import nl.kamerstroom.common.config.Setting;
import nl.kamerstroom.common.config.Settings;

/**
 * Where the OpenSearch store writes and searches (used when {@code INDEX_STORE=opensearch}).
 *
 * @param url      the cluster's HTTP address
 * @param index    the index holding the documents; created with {@code documents-index.json} when missing
 * @param shards   primary shards of a new index
 * @param replicas replicas of a new index: 0 on one node, where a replica has nowhere to go
 * @param groupId  consumer group of the store; shared by all instances, which write into the one cluster
 */
public record OpenSearchConfig(String url, String index, int shards, int replicas, String groupId) {

    public static final Setting<String> URL = Setting.string("OPENSEARCH_URL", "http://127.0.0.1:9200",
            "OpenSearch HTTP address for INDEX_STORE=opensearch (security off, or credentials in a proxy).");
    public static final Setting<String> INDEX = Setting.string("OPENSEARCH_INDEX", "kamerstroom-documents",
            "OpenSearch index of the documents; created on start when missing, checked against the mapping when present.");
    public static final Setting<Integer> SHARDS = Setting.integer("OPENSEARCH_SHARDS", 1,
            "Primary shards of a newly created OpenSearch index.");
    public static final Setting<Integer> REPLICAS = Setting.integer("OPENSEARCH_REPLICAS", 0,
            "Replicas of a newly created OpenSearch index (0 on a single node, else its health stays yellow).");
    public static final Setting<String> GROUP_ID = Setting.string("OPENSEARCH_GROUP_ID", "kamerstroom-opensearch-store",
            "Consumer group of the OpenSearch store; its committed offsets are the store's position.");

    public static final List<Setting<?>> SETTINGS = List.of(URL, INDEX, SHARDS, REPLICAS, GROUP_ID);

    public static OpenSearchConfig from(Settings settings) {
        return new OpenSearchConfig(settings.get(URL), settings.get(INDEX), settings.get(SHARDS),
                settings.get(REPLICAS), settings.get(GROUP_ID));
    }
}
