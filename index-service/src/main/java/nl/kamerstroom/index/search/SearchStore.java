package nl.kamerstroom.index.search;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.kamerstroom.index.store.IndexFields;

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

    /** The keyword field in which this store keeps the entities of {@code field} as id-and-name labels. */
    String namesField(String field);

    /**
     * The name of every entity of keyword {@code field} that has one (ministries, countries), by id,
     * from the store's counts rather than from stored documents; where documents disagree, the name
     * most of them give.
     */
    default Map<String, String> names(String field) throws IOException {
        Map<String, String> names = new HashMap<>();
        for (SearchResult.FacetValue label : counts(namesField(field), MAX_NAMES)) {
            IndexFields.EntityName name = IndexFields.EntityName.parse(label.value());
            names.putIfAbsent(name.id(), name.name());
        }
        return names;
    }

    /**
     * The JSON views (without text) of the documents whose keyword {@code field} holds {@code value},
     * at most {@code max} of them, newest first; and how many documents hold it.
     */
    Mentioning mentioning(String field, String value, int max) throws IOException;

    /**
     * What became of motion {@code id} (kst-…), by the documents that mention it; none do when
     * {@code documents() == 0}. Built from {@link #mentioning}, so both stores answer alike.
     */
    default MotionHistory motion(String id) throws IOException {
        return MotionHistory.of(id, mentioning(IndexFields.MOTION, id, MotionHistory.MAX_DOCUMENTS));
    }

    /**
     * The entity page of {@code type} {@code id}, with the page of {@code limit} documents from
     * {@code offset}; no document mentions it when {@code documents() == 0}. Built from
     * {@link #mentioning}, so both stores answer alike.
     */
    default EntityReport entity(EntityType type, String id, int limit, int offset) throws IOException {
        return EntityReport.of(type, id, mentioning(type.field(), id, EntityReport.MAX_COUNTED), limit, offset);
    }

    /** @param total every document that matched, also those beyond {@code views} */
    record Mentioning(long total, List<Map<String, Object>> views) {
    }
}
