package nl.kamerstroom.index.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.StringDocValuesReaderState;
import org.apache.lucene.facet.StringValueFacetCounts;
import org.apache.lucene.index.IndexReader;

/**
 * Counts values of keyword fields among matching documents, from their sorted-set doc values.
 * The per-field ordinal map is built once per searcher generation (a refresh), not per query.
 */
final class FacetCounter {

    private IndexReader reader;
    private final Map<String, StringDocValuesReaderState> states = new HashMap<>();

    /** The {@code top} most frequent values of {@code field} among {@code matches} (all documents when null). */
    List<SearchResult.FacetValue> top(IndexReader reader, String field, FacetsCollector matches, int top)
            throws IOException {
        StringDocValuesReaderState state = state(reader, field);
        StringValueFacetCounts counts = matches == null
                ? new StringValueFacetCounts(state)
                : new StringValueFacetCounts(state, matches);
        FacetResult result = counts.getTopChildren(top, field);
        List<SearchResult.FacetValue> values = new ArrayList<>();
        if (result != null) {
            for (LabelAndValue lv : result.labelValues) {
                values.add(new SearchResult.FacetValue(lv.label, lv.value.longValue()));
            }
        }
        return values;
    }

    private synchronized StringDocValuesReaderState state(IndexReader current, String field) throws IOException {
        if (current != reader) {
            reader = current;
            states.clear();
        }
        StringDocValuesReaderState state = states.get(field);
        if (state == null) {
            state = new StringDocValuesReaderState(current, field);
            states.put(field, state);
        }
        return state;
    }
}
