package nl.kamerstroom.index.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import nl.kamerstroom.common.http.Response;
import nl.kamerstroom.schema.AmountMention;
import nl.kamerstroom.schema.EntitySummary;
import nl.kamerstroom.schema.IndexDocument;
import nl.kamerstroom.schema.MotionMention;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.IntField;
import org.apache.lucene.document.KeywordField;
import org.apache.lucene.document.LongField;
import org.apache.lucene.document.SortedSetDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.util.BytesRef;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Turns an {@link IndexDocument} into the Lucene document described by {@link IndexFields}. */
public final class LuceneDocuments {

    /**
     * The text is stored (the highlighter cuts snippets from it, /api/documents returns it) and
     * indexed with offsets, so highlighting reads positions from the postings instead of
     * re-analysing a multi-MB text per hit. Costs ~10-20% more index size; stored fields are
     * LZ4-compressed by the default codec.
     */
    static final FieldType TEXT_WITH_OFFSETS = textWithOffsets();

    private static final Logger LOG = LoggerFactory.getLogger(LuceneDocuments.class);
    private static final BigDecimal CENTS_PER_UNIT = BigDecimal.valueOf(100);

    private LuceneDocuments() {
    }

    /**
     * The Lucene document of {@code doc}. Everything Lucene would refuse at indexing time is
     * decided here: an id longer than a term may be cannot be indexed (and then not replaced or
     * deleted) at all, so it throws; a keyword value that long (a garbage file name or entity
     * id) is left out of its exact-match field, with a warning, and the document is indexed
     * without it (the stored JSON still holds it). Truncating it instead would make a value
     * that was never in the document matchable and countable as a facet.
     *
     * @throws IllegalArgumentException when the id is longer than {@link IndexWriter#MAX_TERM_LENGTH} bytes
     */
    public static Document toLucene(String id, IndexDocument doc) {
        if (tooLong(id)) {
            throw new IllegalArgumentException("Document id is " + id.getBytes(StandardCharsets.UTF_8).length
                    + " bytes; Lucene indexes terms of at most " + IndexWriter.MAX_TERM_LENGTH);
        }
        Document lucene = new Document();
        lucene.add(new KeywordField(IndexFields.ID, id, Field.Store.YES));
        keyword(lucene, id, IndexFields.FILE_NAME, doc.getFileName());
        if (doc.getTitle() != null) {
            lucene.add(new TextField(IndexFields.TITLE, doc.getTitle(), Field.Store.NO));
        }
        lucene.add(new Field(IndexFields.TEXT, doc.getText(), TEXT_WITH_OFFSETS));
        if (doc.getDate() != null) {
            lucene.add(new IntField(IndexFields.DATE, (int) doc.getDate().toEpochDay(), Field.Store.NO));
            lucene.add(new KeywordField(IndexFields.YEAR, Integer.toString(doc.getDate().getYear()), Field.Store.NO));
        }
        keyword(lucene, id, IndexFields.TYPE, doc.getDocumentType());
        keyword(lucene, id, IndexFields.LANGUAGE, doc.getLanguage());
        EntitySummary summary = doc.getSummary();
        keywords(lucene, id, IndexFields.MINISTRY, summary.getMinistryIds());
        keywords(lucene, id, IndexFields.COUNTRY, summary.getCountryIds());
        keywords(lucene, id, IndexFields.MOTION, summary.getMotionIds());
        keywords(lucene, id, IndexFields.DOSSIER, dossiers(doc));
        keyword(lucene, id, IndexFields.CHAMBER, doc.getChamber());
        keyword(lucene, id, IndexFields.DOCUMENT_ID, doc.getDocumentId());
        keywords(lucene, id, IndexFields.MOTION_STATUS, motionStatuses(doc));
        Set<IndexFields.EntityName> ministries = new LinkedHashSet<>();
        doc.getEntities().getMinistries().forEach(m -> ministries.add(new IndexFields.EntityName(m.getId(), m.getName())));
        names(lucene, id, IndexFields.MINISTRY, ministries);
        Set<IndexFields.EntityName> countries = new LinkedHashSet<>();
        doc.getEntities().getCountries().forEach(c -> countries.add(new IndexFields.EntityName(c.getId(), c.getName())));
        names(lucene, id, IndexFields.COUNTRY, countries);
        for (AmountMention amount : doc.getEntities().getAmounts()) {
            lucene.add(new LongField(IndexFields.amount(amount.getCurrency()), cents(amount.getValue()), Field.Store.NO));
        }
        Map<String, Object> view = DocumentJson.withoutText(doc);
        Optional<Map<String, Object>> listed = DocumentJson.listed(view);
        lucene.add(new StoredField(IndexFields.SOURCE, json(doc, listed.orElse(view))));
        if (listed.isPresent()) {
            lucene.add(new StoredField(IndexFields.FULL_SOURCE, json(doc, view)));
        }
        return lucene;
    }

    /**
     * Whole cents: exact for the schema's two decimals (a filter value with more decimals rounds
     * up, which keeps "at least X" exact). Values beyond ±92 quadrillion saturate rather than
     * overflow; no budget is that large.
     */
    public static long cents(BigDecimal value) {
        BigDecimal cents = value.multiply(CENTS_PER_UNIT).setScale(0, RoundingMode.CEILING);
        if (cents.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
            return Long.MAX_VALUE;
        }
        if (cents.compareTo(BigDecimal.valueOf(Long.MIN_VALUE)) < 0) {
            return Long.MIN_VALUE;
        }
        return cents.longValueExact();
    }

    /** The document's own Kamerstuk dossier counts too: searching dossier 36045 finds its motions. */
    public static Set<String> dossiers(IndexDocument doc) {
        Set<String> dossiers = new LinkedHashSet<>(doc.getSummary().getDossiers());
        String own = doc.getKamerstuk();
        if (own != null && own.startsWith("kst-")) {
            int lastDash = own.lastIndexOf('-');
            if (lastDash > 4) {
                dossiers.add(own.substring(4, lastDash));
            }
        }
        return dossiers;
    }

    /** The distinct statuses the document states for the motions it mentions, in order of first mention. */
    public static Set<String> motionStatuses(IndexDocument doc) {
        Set<String> statuses = new LinkedHashSet<>();
        for (MotionMention motion : doc.getEntities().getMotions()) {
            if (motion.getStatus() != null && !motion.getStatus().isBlank()) {
                statuses.add(motion.getStatus());
            }
        }
        return statuses;
    }

    private static byte[] json(IndexDocument doc, Map<String, Object> view) {
        try {
            return Response.JSON.writeValueAsBytes(view);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write document " + doc.getId() + " as JSON", e);
        }
    }

    private static void keyword(Document lucene, String id, String field, String value) {
        if (value == null || value.isBlank()) {
            return;
        }
        if (tooLong(value)) {
            LOG.warn("Document {}: leaving a {}-character value out of field '{}'; Lucene indexes terms of at most {} "
                    + "bytes", id, value.length(), field, IndexWriter.MAX_TERM_LENGTH);
            return;
        }
        lucene.add(new KeywordField(field, value, Field.Store.NO));
    }

    private static void keywords(Document lucene, String id, String field, Collection<String> values) {
        for (String value : new LinkedHashSet<>(values)) {
            keyword(lucene, id, field, value);
        }
    }

    private static void names(Document lucene, String id, String field, Set<IndexFields.EntityName> names) {
        for (IndexFields.EntityName name : names) {
            String label = name.label();
            if (tooLong(label)) {
                LOG.warn("Document {}: leaving a {}-character name of {} {} out", id, label.length(), field, name.id());
            } else {
                lucene.add(new SortedSetDocValuesField(IndexFields.names(field), new BytesRef(label)));
            }
        }
    }

    /** Also the limit of a sorted-set doc value, which every keyword field carries. */
    private static boolean tooLong(String term) {
        // A UTF-8 character takes at most 3 bytes per UTF-16 char: most terms need no encoding to check.
        return term.length() * 3L > IndexWriter.MAX_TERM_LENGTH
                && term.getBytes(StandardCharsets.UTF_8).length > IndexWriter.MAX_TERM_LENGTH;
    }

    private static FieldType textWithOffsets() {
        FieldType type = new FieldType(TextField.TYPE_STORED);
        type.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
        type.freeze();
        return type;
    }
}
