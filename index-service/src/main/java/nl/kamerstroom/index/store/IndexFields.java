package nl.kamerstroom.index.store;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.core.KeywordAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;

/**
 * The fields of the search index. Full text ({@link #TEXT}, {@link #TITLE}) goes through Dutch
 * analysis; entity ids, dossiers, file names and types are exact keywords that double as facet
 * fields (a {@code KeywordField} carries sorted-set doc values, which lucene-facet counts).
 */
public final class IndexFields {

    public static final String ID = "id";
    public static final String FILE_NAME = "fileName";
    public static final String TITLE = "title";
    public static final String TEXT = "text";
    /** Epoch day, for range filters and sorting. */
    public static final String DATE = "date";
    public static final String YEAR = "year";
    public static final String TYPE = "type";
    public static final String LANGUAGE = "language";
    public static final String MINISTRY = "ministry";
    public static final String COUNTRY = "country";
    public static final String MOTION = "motion";
    public static final String DOSSIER = "dossier";
    /** Tweede Kamer or Eerste Kamer, as the document's text states. */
    public static final String CHAMBER = "chamber";
    /** The document's own public id (kst-…, h-tk-…, ah-tk-…), as its text states. */
    public static final String DOCUMENT_ID = "documentId";
    /** Every status the document states for a motion it mentions (aangenomen, aangehouden, …). */
    public static final String MOTION_STATUS = "motionStatus";
    /**
     * The document's JSON view without its text, as search hits show it: entity lists cut when
     * long ({@link DocumentJson#listed}).
     */
    public static final String SOURCE = "source";
    /** The whole JSON view without text, stored only for a document whose {@link #SOURCE} was cut. */
    public static final String FULL_SOURCE = "fullSource";
    private static final String AMOUNT_PREFIX = "amount.";
    private static final String NAMES_SUFFIX = ".name";
    /** Unit separator: in no id and no name. */
    private static final char NAME_SEPARATOR = '\u001f';

    /** Exact-match fields: a user may also write {@code ministry:BZ} in a query. */
    public static final Set<String> KEYWORDS = Set.of(ID, FILE_NAME, YEAR, TYPE, LANGUAGE, MINISTRY, COUNTRY,
            MOTION, DOSSIER, CHAMBER, DOCUMENT_ID, MOTION_STATUS);

    private IndexFields() {
    }

    /** Amounts per currency in cents, so a range filter never compares euros with dollars. */
    public static String amount(String currency) {
        return AMOUNT_PREFIX + currency;
    }

    /**
     * Doc values only (no postings): {@code id␟name} pairs of a keyword field's entities, so
     * /api/entities names them from doc values instead of reading a stored document per entity.
     */
    public static String names(String field) {
        return field + NAMES_SUFFIX;
    }

    /** An entity's id and name as one doc value of {@link #names(String)}. */
    public record EntityName(String id, String name) {

        public String label() {
            return id + NAME_SEPARATOR + name;
        }

        public static EntityName parse(String label) {
            int separator = label.indexOf(NAME_SEPARATOR);
            return separator < 0 ? new EntityName(label, null)
                    : new EntityName(label.substring(0, separator), label.substring(separator + 1));
        }
    }

    /** Dutch analysis for text and title, the keyword fields untouched; used to index and to parse queries. */
    public static Analyzer analyzer() {
        Map<String, Analyzer> exact = new HashMap<>();
        KeywordAnalyzer keyword = new KeywordAnalyzer();
        KEYWORDS.forEach(field -> exact.put(field, keyword));
        return new PerFieldAnalyzerWrapper(new DutchTextAnalyzer(), exact);
    }
}
