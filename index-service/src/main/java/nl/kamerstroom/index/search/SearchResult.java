package nl.kamerstroom.index.search;

import java.util.List;
import java.util.Map;

/**
 * One page of hits, the total number of matching documents, and per facet field the values
 * most frequent among all matches (not just this page).
 *
 * @param timedOut the search hit its time limit: hits, total and facets cover only the part of the
 *                 index searched until then (the total is a lower bound)
 */
public record SearchResult(long total, List<Hit> hits, Map<String, List<FacetValue>> facets, boolean timedOut) {

    /** A matching document's JSON view (without its text) and a highlighted passage of the text. */
    public record Hit(Map<String, Object> document, String snippet) {
    }

    public record FacetValue(String value, long count) {
    }
}
