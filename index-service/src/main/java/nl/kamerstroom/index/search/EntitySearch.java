package nl.kamerstroom.index.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import nl.kamerstroom.index.store.IndexFields;
import nl.kamerstroom.index.store.SearchIndex;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;

/**
 * The documents that mention one entity and its mentions over time. Mentions are counted from
 * each document's stored JSON view, so the cost grows with the number of documents: at most
 * {@link #MAX_COUNTED} are read (the most relevant ones), the total stays exact.
 */
public final class EntitySearch {

    public static final int MAX_COUNTED = 10_000;
    private static final Set<String> SOURCE_ONLY = Set.of(IndexFields.SOURCE);
    private static final List<String> LISTED_FIELDS = List.of("id", "fileName", "title", "date", "documentType");
    /** ISO dates sort as text; undated documents last. */
    private static final Comparator<Map<String, Object>> NEWEST_FIRST = Comparator.comparing(
            (Map<String, Object> d) -> (String) d.get("date"), Comparator.nullsFirst(Comparator.<String>naturalOrder()))
            .reversed();

    private final SearchIndex index;

    public EntitySearch(SearchIndex index) {
        this.index = index;
    }

    public EntityReport report(EntityType type, String id, int limit, int offset) throws IOException {
        Query query = new TermQuery(new Term(type.field(), id));
        return index.withSearcher(searcher -> {
            int total = searcher.count(query);
            ScoreDoc[] matches = searcher.search(query, Math.max(1, Math.min(total, MAX_COUNTED))).scoreDocs;
            StoredFields stored = searcher.storedFields();
            Map<String, long[]> months = new TreeMap<>(Comparator.nullsLast(Comparator.naturalOrder()));
            List<Map<String, Object>> listed = new ArrayList<>(matches.length);
            Map<String, Object> firstMention = null;
            long mentions = 0;
            for (ScoreDoc match : matches) {
                Map<String, Object> document = DocumentSearch.source(stored.document(match.doc, SOURCE_ONLY));
                List<Map<String, Object>> found = type.mentions(document, id);
                if (firstMention == null && !found.isEmpty()) {
                    firstMention = found.getFirst();
                }
                mentions += found.size();
                String date = (String) document.get("date");
                long[] month = months.computeIfAbsent(date == null ? null : date.substring(0, 7), m -> new long[2]);
                month[0]++;
                month[1] += found.size();
                Map<String, Object> row = new LinkedHashMap<>();
                LISTED_FIELDS.forEach(field -> row.put(field, document.get(field)));
                row.put("mentions", found.size());
                listed.add(row);
            }
            listed.sort(NEWEST_FIRST);
            List<Map<String, Object>> page = offset >= listed.size() ? List.of()
                    : List.copyOf(listed.subList(offset, Math.min(listed.size(), offset + limit)));
            List<EntityReport.Month> perMonth = new ArrayList<>();
            months.forEach((month, counts) -> perMonth.add(new EntityReport.Month(month, counts[0], counts[1])));
            return new EntityReport(type, id, firstMention, total, matches.length, mentions, perMonth, page);
        });
    }
}
