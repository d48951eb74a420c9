package nl.kamerstroom.index.search;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the search API asks of a store: searches, look-ups and counts over the indexed documents.
 * The Lucene index ({@link DocumentSearch}) and OpenSearch ({@code OpenSearchSearch}) answer alike.
 */
public interface SearchStore {

    /** No name is looked up among more distinct labels than this. */
    int MAX_NAMES = 10_000;

    SearchResult search(SearchRequest request) throws IOException;

    /** The whole document with its text, or empty when the store has no such id. */
    Optional<Map<String, Object>> document(String id) throws IOException;

    /** Distinct values of a keyword field with the number of documents holding each, most frequent first. */
    List<SearchResult.FacetValue> counts(String field, int top) throws IOException;

    /**
     * The name of every entity of keyword {@code field} that has one (ministries, countries), by id,
     * from the store's aggregations rather than from stored documents.
     */
    Map<String, String> names(String field) throws IOException;
}
