package nl.kamerstroom.index.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.kamerstroom.common.http.Response;
import nl.kamerstroom.index.search.DocumentSearch;
import nl.kamerstroom.index.search.InvalidQueryException;
import nl.kamerstroom.index.search.QueryFactory;
import nl.kamerstroom.index.search.SearchRequest;
import nl.kamerstroom.index.search.SearchResult;
import nl.kamerstroom.index.search.SearchStore;
import nl.kamerstroom.index.store.DocumentJson;
import nl.kamerstroom.index.store.IndexFields;
import nl.kamerstroom.index.store.LuceneDocuments;

/**
 * The search API's questions asked of OpenSearch, answered as {@link DocumentSearch} answers them
 * from Lucene: the user's text through Lucene's classic query syntax ({@code query_string}, AND
 * between words, title counting double), exact filters, newest first when browsing, facet counts
 * over all matches, and an HTML-escaped snippet with {@code <mark>} around the matches.
 *
 * <p>A query is first parsed by the Lucene store's {@link QueryFactory}, so both stores refuse
 * the same queries (regular expressions, leading wildcards, over-long queries) with the same words.
 */
public final class OpenSearchSearch implements SearchStore {

    private static final int FACET_VALUES = 20;
    private static final int SNIPPET_CHARS = 200;
    /** As the Lucene store lists documents: newest first, undated ones last. */
    private static final List<Object> NEWEST_FIRST = List.of(
            Map.of(IndexFields.DATE, Map.of("order", "desc", "missing", "_last")), "_doc");

    private final DocumentsIndex index;
    private final QueryFactory validator = new QueryFactory(IndexFields.analyzer());
    private final Duration timeLimit;

    /** @param timeLimit how long a search may collect matches before it answers with what it found, as Lucene's */
    public OpenSearchSearch(DocumentsIndex index, Duration timeLimit) {
        this.index = index;
        this.timeLimit = timeLimit;
    }

    @Override
    public SearchResult search(SearchRequest request) throws IOException {
        boolean browsing = request.q() == null || request.q().isBlank();
        if (!browsing) {
            validator.userQuery(request.q());
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("from", request.offset());
        body.put("size", request.limit());
        body.put("track_total_hits", true);
        body.put("query", Map.of("bool", Map.of("must", List.of(userQuery(request.q())), "filter", filters(request))));
        if (browsing) {
            body.put("sort", NEWEST_FIRST);
        }
        body.put("_source", List.of(DocumentsIndex.VIEW));
        body.put("timeout", timeLimit.toMillis() + "ms");
        body.put("highlight", Map.of("type", "unified", "encoder", "html", "pre_tags", List.of("<mark>"),
                "post_tags", List.of("</mark>"), "fields", Map.of(IndexFields.TEXT, Map.of(
                        "fragment_size", SNIPPET_CHARS, "number_of_fragments", 1, "no_match_size", SNIPPET_CHARS,
                        "boundary_scanner", "word", "boundary_scanner_locale", "nl-NL"))));
        Map<String, Object> aggs = new LinkedHashMap<>();
        DocumentSearch.FACETS.forEach(field -> aggs.put(field, terms(field, FACET_VALUES)));
        body.put("aggs", aggs);
        JsonNode answer = search(body);
        List<SearchResult.Hit> hits = new ArrayList<>();
        for (JsonNode hit : answer.path("hits").path("hits")) {
            JsonNode snippet = hit.path("highlight").path(IndexFields.TEXT).path(0);
            hits.add(new SearchResult.Hit(view(hit.path("_source")), snippet.isMissingNode() ? null : snippet.asText()));
        }
        Map<String, List<SearchResult.FacetValue>> facets = new LinkedHashMap<>();
        DocumentSearch.FACETS.forEach(field -> facets.put(field, buckets(answer, field)));
        return new SearchResult(answer.path("hits").path("total").path("value").asLong(), hits, facets,
                answer.path("timed_out").asBoolean());
    }

    @Override
    public Optional<Map<String, Object>> document(String id) throws IOException {
        try {
            JsonNode found = index.connection().request("GET", "/" + index.name() + "/_doc/"
                    + URLEncoder.encode(id, StandardCharsets.UTF_8) + "?_source_includes=view,text", null);
            Map<String, Object> json = view(found.path("_source"));
            json.put(DocumentJson.TEXT, found.path("_source").path(IndexFields.TEXT).asText());
            return Optional.of(json);
        } catch (OpenSearchConnection.OpenSearchRequestException e) {
            if (e.status() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }

    @Override
    public List<SearchResult.FacetValue> counts(String field, int top) throws IOException {
        JsonNode answer = search(Map.of("size", 0, "aggs", Map.of(field, terms(field, top))));
        return buckets(answer, field);
    }

    @Override
    public String namesField(String field) {
        return DocumentsIndex.names(field);
    }

    @Override
    public Mentioning mentioning(String field, String value, int max) throws IOException {
        JsonNode answer = search(Map.of("size", max, "track_total_hits", true,
                "query", Map.of("term", Map.of(field, value)), "sort", NEWEST_FIRST,
                "_source", List.of(DocumentsIndex.VIEW)));
        List<Map<String, Object>> views = new ArrayList<>();
        for (JsonNode hit : answer.path("hits").path("hits")) {
            views.add(view(hit.path("_source")));
        }
        return new Mentioning(answer.path("hits").path("total").path("value").asLong(), views);
    }

    private JsonNode search(Map<String, Object> body) throws IOException {
        try {
            return index.connection().request("POST", "/" + index.name() + "/_search", body);
        } catch (OpenSearchConnection.OpenSearchRequestException e) {
            if (e.status() == 400) {
                throw new InvalidQueryException("OpenSearch refused the query: " + e.getMessage());
            }
            throw e;
        }
    }

    private static Map<String, Object> userQuery(String q) {
        if (q == null || q.isBlank()) {
            return Map.of("match_all", Map.of());
        }
        return Map.of("query_string", Map.of("query", q, "fields", List.of(IndexFields.TITLE + "^2", IndexFields.TEXT),
                "default_operator", "AND", "allow_leading_wildcard", false));
    }

    private static List<Object> filters(SearchRequest request) {
        List<Object> filters = new ArrayList<>();
        request.termFilters().forEach((field, value) -> filters.add(Map.of("term", Map.of(field, value))));
        if (request.from() != null || request.to() != null) {
            Map<String, Object> range = new LinkedHashMap<>();
            if (request.from() != null) {
                range.put("gte", request.from().toString());
            }
            if (request.to() != null) {
                range.put("lte", request.to().toString());
            }
            filters.add(Map.of("range", Map.of(IndexFields.DATE, range)));
        }
        if (request.minAmount() != null) {
            filters.add(Map.of("range", Map.of(DocumentsIndex.AMOUNT + "." + request.currency(),
                    Map.of("gte", LuceneDocuments.cents(request.minAmount())))));
        }
        return filters;
    }

    private static Map<String, Object> terms(String field, int size) {
        return Map.of("terms", Map.of("field", field, "size", size));
    }

    private static List<SearchResult.FacetValue> buckets(JsonNode answer, String field) {
        List<SearchResult.FacetValue> values = new ArrayList<>();
        for (JsonNode bucket : answer.path("aggregations").path(field).path("buckets")) {
            values.add(new SearchResult.FacetValue(bucket.path("key").asText(), bucket.path("doc_count").asLong()));
        }
        return values;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> view(JsonNode source) {
        return Response.JSON.convertValue(source.path(DocumentsIndex.VIEW), LinkedHashMap.class);
    }
}
