package nl.kamerstroom.index.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What became of one motion, from the documents that mention it: per document the status that
 * document states (the last one in its text, so a debate that ends in a vote counts as the vote)
 * with the parties for and against where named, and the last known status over all of them.
 *
 * <p>The last known status is the one stated in the document with the latest date of its own: a
 * vote record of March that says "aangenomen" wins over a Regeling of February that says
 * "aangehouden". On the same day a decision (aangenomen, verworpen, ingetrokken) wins over an
 * amendment (gewijzigd), and that over a postponement (aangehouden): a motion is postponed or
 * changed before it is voted on, never after. Undated documents count as the oldest.
 *
 * @param documents every document that mentions the motion; {@code history} holds the first
 *                  {@link #MAX_DOCUMENTS} of them, newest first as the store picked them
 * @param history   the documents read, oldest first
 * @param last      the entry the last known status comes from, null when no document states one
 */
public record MotionHistory(String id, long documents, List<String> submitters, List<Entry> history, Entry last) {

    /** More documents than this about one motion are counted but not read (the newest ones are). */
    public static final int MAX_DOCUMENTS = 1000;
    /** Statuses from least to most final, for documents of the same date. */
    private static final List<String> SAME_DAY_ORDER = List.of("aangehouden", "gewijzigd", "ingetrokken",
            "verworpen", "aangenomen");
    private static final Comparator<Entry> OLDEST_FIRST = Comparator
            .comparing(Entry::date, Comparator.nullsFirst(Comparator.<String>naturalOrder()))
            .thenComparing(Entry::id);
    private static final Comparator<Entry> STATED_LAST = Comparator
            .comparing(Entry::date, Comparator.nullsFirst(Comparator.<String>naturalOrder()))
            .thenComparingInt(entry -> SAME_DAY_ORDER.indexOf(entry.status()))
            .thenComparing(Entry::id);

    /**
     * One document's word on the motion.
     *
     * @param id         the document's id in the index
     * @param documentId the document's own public id (kst-…, h-tk-…), when its text states one
     * @param status     the status this document states, null when it only mentions the motion
     * @param mentions   how often the document mentions the motion
     */
    public record Entry(String id, String title, String fileName, String date, String documentType,
                        String documentId, String status, List<String> votesFor, List<String> votesAgainst,
                        int mentions) {
    }

    /**
     * The history of motion {@code id} from the JSON views (without text) of the documents that
     * mention it, as a store's {@link SearchStore#mentioning} answers them.
     */
    public static MotionHistory of(String id, SearchStore.Mentioning found) {
        List<Entry> history = new ArrayList<>(found.views().size());
        List<String> submitters = List.of();
        for (Map<String, Object> view : found.views()) {
            List<Map<String, Object>> mentions = EntityType.MOTION.mentions(view, id);
            Map<String, Object> stated = null;
            for (Map<String, Object> mention : mentions) {
                if (mention.get("status") != null) {
                    stated = mention;
                }
                if (submitters.isEmpty() && mention.get("submitters") instanceof List<?> named && !named.isEmpty()) {
                    submitters = strings(named);
                }
            }
            history.add(new Entry(text(view.get("id")), text(view.get("title")), text(view.get("fileName")),
                    text(view.get("date")), text(view.get("documentType")), text(view.get("documentId")),
                    stated == null ? null : text(stated.get("status")),
                    stated == null ? List.of() : strings(stated.get("votesFor")),
                    stated == null ? List.of() : strings(stated.get("votesAgainst")), mentions.size()));
        }
        history.sort(OLDEST_FIRST);
        Entry last = history.stream().filter(entry -> entry.status() != null).max(STATED_LAST).orElse(null);
        return new MotionHistory(id, found.total(), submitters, List.copyOf(history), last);
    }

    private static String text(Object value) {
        return Objects.toString(value, null);
    }

    private static List<String> strings(Object value) {
        if (!(value instanceof List<?> items)) {
            return List.of();
        }
        return items.stream().map(Object::toString).toList();
    }
}
