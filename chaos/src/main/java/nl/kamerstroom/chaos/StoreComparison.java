package nl.kamerstroom.chaos;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import nl.kamerstroom.testkit.TopicReader;
import nl.kamerstroom.topic.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * The OpenSearch store's own checks: what OpenSearch holds against documents.index (each
 * document once, at the version of its latest record, deleted documents gone), read from
 * OpenSearch's REST API rather than through our search code; and the same queries answered the
 * same by a Lucene replica and by the OpenSearch store.
 */
final class StoreComparison {

    static final String OPENSEARCH_VERSIONS = "opensearch: offsets as external versions";
    static final String OPENSEARCH_ANALYSIS = "opensearch: Dutch analysis as in Lucene";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration READ_TIMEOUT = Duration.ofMinutes(2);
    /** The API's largest page: a query with at most this many hits is compared hit by hit. */
    private static final int PAGE = 100;

    private final Pipeline pipeline;
    private final Workload workload;

    StoreComparison(Pipeline pipeline, Workload workload) {
        this.pipeline = pipeline;
        this.workload = workload;
    }

    /** The latest record of a key on documents.index: its offset, and whether it is a tombstone. */
    private record Latest(long offset, boolean tombstone) {
    }

    /**
     * Every expected document in OpenSearch at the offset of its latest record on documents.index
     * as its version, every deleted one gone, and nothing else (the index's document count).
     */
    Check versions() throws IOException {
        Map<String, Latest> latest = new HashMap<>();
        for (ConsumerRecord<byte[], byte[]> record : TopicReader.readToEnd(pipeline.bootstrapServers(), Topics.INDEX,
                READ_TIMEOUT)) {
            latest.put(new String(record.key(), StandardCharsets.UTF_8), new Latest(record.offset(), record.value() == null));
        }
        ReplicaClient openSearch = new ReplicaClient(pipeline.openSearch().orElseThrow().url());
        String index = "/" + Pipeline.OPENSEARCH_INDEX;
        ObjectNode ids = JSON.createObjectNode();
        workload.expected().keySet().forEach(ids.putArray("ids")::add);
        workload.deleted().keySet().forEach(ids.withArray("ids")::add);
        Map<String, JsonNode> held = new HashMap<>();
        openSearch.post(index + "/_mget?_source=false", ids).orElseThrow().path("docs")
                .forEach(doc -> held.put(doc.path("_id").asText(), doc));
        List<String> missing = new ArrayList<>();
        List<String> wrongVersion = new ArrayList<>();
        for (String id : workload.expected().keySet()) {
            JsonNode doc = held.get(id);
            Latest record = latest.get(id);
            if (doc == null || !doc.path("found").asBoolean()) {
                missing.add(workload.expected().get(id).fileName());
            } else if (record == null || record.tombstone() || doc.path("_version").asLong() != record.offset()) {
                wrongVersion.add(workload.expected().get(id).fileName() + " v" + doc.path("_version").asLong()
                        + ", latest " + record);
            }
        }
        List<String> notDeleted = workload.deleted().keySet().stream()
                .filter(id -> held.containsKey(id) && held.get(id).path("found").asBoolean())
                .map(id -> workload.deleted().get(id).fileName()).toList();
        long count = openSearch.get(index + "/_count").orElseThrow().path("count").asLong(-1);
        int expected = workload.expected().size();
        return Check.of("OpenSearch: each document once, latest version, deletes gone", expected + " at latest, "
                        + workload.deleted().size() + " deleted",
                count + " held, " + missing.size() + " missing " + Checks.examples(missing) + ", " + wrongVersion.size()
                        + " not at latest " + Checks.examples(wrongVersion) + ", " + notDeleted.size() + " deleted still there "
                        + Checks.examples(notDeleted),
                count == expected && missing.isEmpty() && wrongVersion.isEmpty() && notDeleted.isEmpty())
                .reliesOn(OPENSEARCH_VERSIONS);
    }

    /**
     * The same queries on a Lucene replica and on the OpenSearch store: equal totals and facet
     * counts, and for queries with at most a page of hits the same documents. Ranking is not
     * compared: index statistics differ between the stores (deleted documents, segments).
     */
    Check searchAnswers(ServiceInstance replica, ServiceInstance openSearchStore) throws IOException {
        ReplicaClient lucene = new ReplicaClient(replica.baseUrl());
        ReplicaClient openSearch = new ReplicaClient(openSearchStore.baseUrl());
        List<Map<String, String>> queries = queries(lucene);
        List<String> different = new ArrayList<>();
        for (Map<String, String> query : queries) {
            JsonNode a = lucene.search(query);
            JsonNode b = openSearch.search(query);
            String difference = difference(a, b);
            if (difference != null) {
                different.add(query + ": " + difference);
            }
        }
        return Check.of("search: " + replica + " = " + openSearchStore, queries.size() + " queries alike",
                (queries.size() - different.size()) + " alike, " + different.size() + " differ " + Checks.examples(different),
                different.isEmpty()).reliesOn(OPENSEARCH_ANALYSIS);
    }

    /**
     * Words of the generated letters (inflected, to compare the Dutch stemming), a phrase, a rare
     * name, one letter's unique marker, and filters by the most frequent ministry and country.
     */
    private List<Map<String, String>> queries(ReplicaClient lucene) throws IOException {
        List<Map<String, String>> queries = new ArrayList<>();
        for (String q : List.of("", "motie", "moties", "Oekraïne", "samenwerking met Polen", "\"steun aan België\"",
                "ambassadeurs", "overleggen", "Kuzu", "miljoen")) {
            queries.add(params("q", q));
        }
        workload.expected().values().stream().findFirst()
                .ifPresent(letter -> queries.add(params("q", "\"" + letter.startMarker() + "\"")));
        JsonNode facets = lucene.search(params("q", "")).path("facets");
        facets.fields().forEachRemaining(facet -> {
            JsonNode top = facet.getValue().path(0).path("value");
            if (Set.of("ministry", "country").contains(facet.getKey()) && top.isTextual()) {
                Map<String, String> query = params("q", "");
                query.put(facet.getKey(), top.asText());
                queries.add(query);
            }
        });
        return queries;
    }

    private static Map<String, String> params(String name, String value) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("limit", Integer.toString(PAGE));
        params.put(name, value);
        return params;
    }

    /** What differs between two answers to one query, or null when they agree. */
    private static String difference(JsonNode lucene, JsonNode openSearch) {
        long total = lucene.path("total").asLong();
        if (total != openSearch.path("total").asLong()) {
            return "total " + total + " vs " + openSearch.path("total").asLong();
        }
        if (total <= PAGE && !ids(lucene).equals(ids(openSearch))) {
            return "hits " + ids(lucene).size() + " vs " + ids(openSearch).size() + " documents, not the same";
        }
        Map<String, Map<String, Long>> a = facetCounts(lucene);
        Map<String, Map<String, Long>> b = facetCounts(openSearch);
        for (String field : a.keySet()) {
            for (Map.Entry<String, Long> value : a.get(field).entrySet()) {
                Long other = b.getOrDefault(field, Map.of()).get(value.getKey());
                // A value at the end of one list may be cut from the other's, where equal counts tie.
                if (other != null && !other.equals(value.getValue())) {
                    return "facet " + field + "=" + value.getKey() + " " + value.getValue() + " vs " + other;
                }
            }
        }
        return null;
    }

    private static Set<String> ids(JsonNode answer) {
        Set<String> ids = new TreeSet<>();
        answer.path("hits").forEach(hit -> ids.add(hit.path("id").asText()));
        return ids;
    }

    private static Map<String, Map<String, Long>> facetCounts(JsonNode answer) {
        Map<String, Map<String, Long>> counts = new TreeMap<>();
        answer.path("facets").fields().forEachRemaining(facet -> {
            Map<String, Long> values = new TreeMap<>();
            facet.getValue().forEach(value -> values.put(value.path("value").asText(), value.path("count").asLong()));
            counts.put(facet.getKey(), values);
        });
        return counts;
    }
}
