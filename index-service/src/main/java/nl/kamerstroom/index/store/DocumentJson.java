package nl.kamerstroom.index.store;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import nl.kamerstroom.schema.AmountMention;
import nl.kamerstroom.schema.CountryMention;
import nl.kamerstroom.schema.CurrencyTotal;
import nl.kamerstroom.schema.Entities;
import nl.kamerstroom.schema.EntitySummary;
import nl.kamerstroom.schema.IndexDocument;
import nl.kamerstroom.schema.KamerstukReference;
import nl.kamerstroom.schema.MinistryMention;
import nl.kamerstroom.schema.MotionMention;
import nl.kamerstroom.schema.Redaction;

/**
 * The JSON view of an index document, as the API answers it: the entity lists at top level in
 * the extractor's shape ({@code ExtractionJson}: optional mention fields left out when unset,
 * offsets into the text), amounts as plain decimal strings so no client rounds 300000000.00
 * through a double, dates as ISO-8601.
 */
public final class DocumentJson {

    public static final String TEXT = "text";
    /**
     * Mentions per entity list in a search hit: a table-heavy text of 2 million characters had
     * 17,713 amounts, 2 MB of JSON per hit, and a page of such hits ran the services out of heap.
     * The document itself, and what entity pages count, keep them all.
     */
    public static final int LISTED_MENTIONS = 100;
    /** In the listed view: the full number of mentions of each list that was cut to {@link #LISTED_MENTIONS}. */
    public static final String MENTION_TOTALS = "mentionTotals";
    private static final List<String> ENTITY_LISTS = List.of("ministries", "countries", "motions", "amounts",
            "kamerstukken", "redactions");

    private DocumentJson() {
    }

    /** Everything but the text, which the store keeps once, in its own field. */
    public static Map<String, Object> withoutText(IndexDocument doc) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", doc.getId());
        json.put("fileName", doc.getFileName());
        json.put("relativePath", doc.getRelativePath());
        json.put("title", doc.getTitle());
        json.put("date", doc.getDate() == null ? null : doc.getDate().toString());
        json.put("documentType", doc.getDocumentType());
        json.put("language", doc.getLanguage());
        json.put("contentType", doc.getContentType());
        json.put("sizeBytes", doc.getSizeBytes());
        json.put("pageCount", doc.getPageCount());
        json.put("author", doc.getAuthor());
        json.put("sender", doc.getSender());
        json.put("kamerstuk", doc.getKamerstuk());
        json.put("chamber", doc.getChamber());
        json.put("documentId", doc.getDocumentId());
        json.put("textLength", doc.getText().length());
        json.put("textTruncated", doc.getTextTruncated());
        json.put("ocrUsed", doc.getOcrUsed());
        putEntities(json, doc.getEntities());
        json.put("summary", summary(doc.getSummary()));
        json.put("ingestedAt", iso(doc.getIngestedAt()));
        json.put("indexedAt", iso(doc.getIndexedAt()));
        return json;
    }

    /**
     * {@code view} as a search hit shows it: every entity list cut to its first
     * {@link #LISTED_MENTIONS} mentions, with the full counts under {@link #MENTION_TOTALS};
     * empty when no list is that long, as for almost every document.
     */
    public static Optional<Map<String, Object>> listed(Map<String, Object> view) {
        Map<String, Object> totals = new LinkedHashMap<>();
        Map<String, Object> listed = new LinkedHashMap<>(view);
        for (String key : ENTITY_LISTS) {
            if (view.get(key) instanceof List<?> mentions && mentions.size() > LISTED_MENTIONS) {
                listed.put(key, mentions.subList(0, LISTED_MENTIONS));
                totals.put(key, mentions.size());
            }
        }
        if (totals.isEmpty()) {
            return Optional.empty();
        }
        listed.put(MENTION_TOTALS, totals);
        return Optional.of(listed);
    }

    private static void putEntities(Map<String, Object> json, Entities entities) {
        json.put("ministries", list(entities.getMinistries(), DocumentJson::ministry));
        json.put("countries", list(entities.getCountries(), DocumentJson::country));
        json.put("motions", list(entities.getMotions(), DocumentJson::motion));
        json.put("amounts", list(entities.getAmounts(), DocumentJson::amount));
        json.put("kamerstukken", list(entities.getKamerstukken(), DocumentJson::kamerstuk));
        json.put("redactions", list(entities.getRedactions(), DocumentJson::redaction));
    }

    static Map<String, Object> ministry(MinistryMention m) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", m.getId());
        json.put("name", m.getName());
        putIfSet(json, "tooi", m.getTooiUri());
        return span(json, m.getText(), m.getStart(), m.getEnd());
    }

    static Map<String, Object> country(CountryMention c) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", c.getId());
        json.put("name", c.getName());
        return span(json, c.getText(), c.getStart(), c.getEnd());
    }

    static Map<String, Object> motion(MotionMention m) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("submitters", m.getSubmitters());
        json.put("dossier", m.getDossier());
        json.put("number", m.getNumber());
        if (m.getCs()) {
            json.put("cs", true);
        }
        putIfSet(json, "replaces", m.getReplaces());
        putIfSet(json, "sessionYear", m.getSessionYear());
        putIfSet(json, "chamber", m.getChamber());
        putIfSet(json, "documentId", m.getDocumentId());
        putIfSet(json, "status", m.getStatus());
        if (!m.getVotesFor().isEmpty()) {
            json.put("votesFor", m.getVotesFor());
        }
        if (!m.getVotesAgainst().isEmpty()) {
            json.put("votesAgainst", m.getVotesAgainst());
        }
        return span(json, m.getText(), m.getStart(), m.getEnd());
    }

    static Map<String, Object> amount(AmountMention a) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("value", plain(a.getValue()));
        json.put("currency", a.getCurrency());
        return span(json, a.getText(), a.getStart(), a.getEnd());
    }

    static Map<String, Object> kamerstuk(KamerstukReference k) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("dossier", k.getDossier());
        json.put("number", k.getNumber());
        putIfSet(json, "documentId", k.getDocumentId());
        return span(json, k.getText(), k.getStart(), k.getEnd());
    }

    static Map<String, Object> redaction(Redaction r) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("ground", r.getGround());
        json.put("meaning", r.getMeaning());
        return span(json, r.getText(), r.getStart(), r.getEnd());
    }

    private static Map<String, Object> summary(EntitySummary s) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("ministryIds", s.getMinistryIds());
        json.put("countryIds", s.getCountryIds());
        json.put("motionIds", s.getMotionIds());
        json.put("dossiers", s.getDossiers());
        json.put("amountTotals", list(s.getAmountTotals(), DocumentJson::total));
        json.put("redactionCount", s.getRedactionCount());
        json.put("redactionGrounds", s.getRedactionGrounds());
        return json;
    }

    private static Map<String, Object> total(CurrencyTotal t) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("currency", t.getCurrency());
        json.put("total", plain(t.getTotal()));
        json.put("mentions", t.getMentions());
        return json;
    }

    private static Map<String, Object> span(Map<String, Object> json, String text, int start, int end) {
        json.put("text", text);
        json.put("start", start);
        json.put("end", end);
        return json;
    }

    private static void putIfSet(Map<String, Object> json, String key, String value) {
        if (value != null) {
            json.put(key, value);
        }
    }

    private static <T> List<Map<String, Object>> list(List<T> items, Function<T, Map<String, Object>> view) {
        List<Map<String, Object>> out = new ArrayList<>(items.size());
        items.forEach(item -> out.add(view.apply(item)));
        return out;
    }

    private static String plain(BigDecimal value) {
        return value.toPlainString();
    }

    private static String iso(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
