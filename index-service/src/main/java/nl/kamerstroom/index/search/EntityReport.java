package nl.kamerstroom.index.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the page of one entity shows: the entity as its first mention describes it, how many
 * documents mention it and how often, mentions per month, and one page of those documents.
 * Mentions are counted from each document's JSON view, so the cost grows with the number of
 * documents: at most {@link #MAX_COUNTED} are read (the newest), the total stays exact.
 *
 * @param mention   the first mention in the newest document that has one (name, submitters,
 *                  Kamerstuk id, ...), null when none was read
 * @param documents documents that mention the entity
 * @param counted   documents read for the mention counts and months: all of them up to {@link #MAX_COUNTED}
 * @param months    per month ({@code 2024-03}) the documents and mentions; documents without a date under {@code null}
 * @param page      the documents of this page, newest first, each with its number of mentions
 */
public record EntityReport(EntityType type, String id, Map<String, Object> mention, long documents, long counted,
                           long mentions, List<Month> months, List<Map<String, Object>> page) {

    /** OpenSearch answers at most 10,000 hits per request (its {@code index.max_result_window}). */
    public static final int MAX_COUNTED = 10_000;
    private static final List<String> LISTED_FIELDS = List.of("id", "fileName", "title", "date", "documentType");
    /**
     * ISO dates sort as text; undated documents last. Documents of the same date by id: the stores
     * break ties in their own internal order, which differs between them.
     */
    private static final Comparator<Map<String, Object>> NEWEST_FIRST = Comparator
            .comparing((Map<String, Object> d) -> (String) d.get("date"),
                    Comparator.nullsLast(Comparator.<String>reverseOrder()))
            .thenComparing(d -> (String) d.get("id"));

    public record Month(String month, long documents, long mentions) {
    }

    /**
     * The report on entity {@code id} from the JSON views (without text) of the documents that
     * mention it, as a store's {@link SearchStore#mentioning} answers them, with the page of
     * {@code limit} documents from {@code offset}.
     */
    public static EntityReport of(EntityType type, String id, SearchStore.Mentioning found, int limit, int offset) {
        List<Map<String, Object>> views = new ArrayList<>(found.views());
        views.sort(NEWEST_FIRST);
        Map<String, long[]> months = new TreeMap<>(Comparator.nullsLast(Comparator.naturalOrder()));
        List<Map<String, Object>> listed = new ArrayList<>(views.size());
        Map<String, Object> firstMention = null;
        long mentions = 0;
        for (Map<String, Object> view : views) {
            List<Map<String, Object>> mentioned = type.mentions(view, id);
            if (firstMention == null && !mentioned.isEmpty()) {
                firstMention = mentioned.getFirst();
            }
            mentions += mentioned.size();
            String date = (String) view.get("date");
            long[] month = months.computeIfAbsent(date == null ? null : date.substring(0, 7), m -> new long[2]);
            month[0]++;
            month[1] += mentioned.size();
            Map<String, Object> row = new LinkedHashMap<>();
            LISTED_FIELDS.forEach(field -> row.put(field, view.get(field)));
            row.put("mentions", mentioned.size());
            listed.add(row);
        }
        List<Map<String, Object>> page = offset >= listed.size() ? List.of()
                : List.copyOf(listed.subList(offset, Math.min(listed.size(), offset + limit)));
        List<Month> perMonth = new ArrayList<>();
        months.forEach((month, counts) -> perMonth.add(new Month(month, counts[0], counts[1])));
        return new EntityReport(type, id, firstMention, found.total(), views.size(), mentions, perMonth, page);
    }
}
