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

    SearchResult search(SearchRequest request) throws IOException;

    /** The whole document with its text, or empty when the store has no such id. */
    Optional<Map<String, Object>> document(String id) throws IOException;

    /** Distinct values of a keyword field with the number of documents holding each, most frequent first. */
    List<SearchResult.FacetValue> counts(String field, int top) throws IOException;

    /** The JSON view of one document holding {@code value} in keyword {@code field}. */
    Optional<Map<String, Object>> anyWith(String field, String value) throws IOException;
}
