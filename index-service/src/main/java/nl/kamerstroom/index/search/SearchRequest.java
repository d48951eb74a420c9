package nl.kamerstroom.index.search;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import nl.kamerstroom.index.store.IndexFields;

/**
 * One search: a user query (blank matches everything) narrowed by exact filters (null means no
 * filter), and the page of hits wanted.
 *
 * @param chamber      the chamber the document states (Tweede Kamer, Eerste Kamer)
 * @param documentId   the document's own public id (kst-36180-12, h-tk-20232024-50-12)
 * @param motionStatus the document states this status for one of the motions it mentions
 * @param minAmount    the document mentions at least one amount of {@code currency} this large
 */
public record SearchRequest(String q, String file, String ministry, String country, String dossier, String type,
                            String chamber, String documentId, String motionStatus,
                            LocalDate from, LocalDate to, BigDecimal minAmount, String currency,
                            int limit, int offset) {

    public static final String DEFAULT_CURRENCY = "EUR";

    /** Everything, first page of ten. */
    public static SearchRequest all() {
        return query(null);
    }

    /** The exact filters that are set, keyword field to value: every store applies them as term filters. */
    public Map<String, String> termFilters() {
        Map<String, String> filters = new LinkedHashMap<>();
        putIfSet(filters, IndexFields.FILE_NAME, file);
        putIfSet(filters, IndexFields.MINISTRY, ministry);
        putIfSet(filters, IndexFields.COUNTRY, country);
        putIfSet(filters, IndexFields.DOSSIER, dossier);
        putIfSet(filters, IndexFields.TYPE, type);
        putIfSet(filters, IndexFields.CHAMBER, chamber);
        putIfSet(filters, IndexFields.DOCUMENT_ID, documentId);
        putIfSet(filters, IndexFields.MOTION_STATUS, motionStatus);
        return filters;
    }

    private static void putIfSet(Map<String, String> filters, String field, String value) {
        if (value != null) {
            filters.put(field, value);
        }
    }

    public static SearchRequest query(String q) {
        return new SearchRequest(q, null, null, null, null, null, null, null, null, null, null, null, DEFAULT_CURRENCY,
                10, 0);
    }
}
