package nl.kamerstroom.index.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import nl.kamerstroom.common.http.Response;
import nl.kamerstroom.index.store.DocumentJson;
import nl.kamerstroom.index.store.IndexFields;
import nl.kamerstroom.index.store.LuceneDocuments;
import nl.kamerstroom.schema.AmountMention;
import nl.kamerstroom.schema.IndexDocument;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The OpenSearch index of the documents: its mapping ({@code documents-index.json}), created when
 * missing and checked when present, and the OpenSearch document made from an {@link IndexDocument}.
 *
 * <p>Field names and analysis are the Lucene store's ({@link IndexFields}): {@code text} and
 * {@code title} with OpenSearch's {@code dutch} analyzer, which is Lucene's {@code DutchAnalyzer}
 * the Lucene store uses; keywords for ids, types and entities; amounts per currency in cents. The
 * API's JSON view is kept whole in {@code view}, not indexed, and answered as stored.
 */
public final class DocumentsIndex {

    static final String VIEW = "view";
    static final String AMOUNT = "amount";
    private static final Logger LOG = LoggerFactory.getLogger(DocumentsIndex.class);

    private final OpenSearchConnection connection;
    private final String name;

    DocumentsIndex(OpenSearchConnection connection, String name) {
        this.connection = connection;
        this.name = name;
    }

    /**
     * The index {@code config.index()}: created with our mapping when missing; when present, its
     * mapping must have every field as ours does, else this fails saying which fields differ.
     */
    public static DocumentsIndex ensure(OpenSearchConnection connection, OpenSearchConfig config) throws IOException {
        DocumentsIndex index = new DocumentsIndex(connection, config.index());
        ObjectNode definition = definition();
        try {
            JsonNode existing = connection.request("GET", "/" + config.index() + "/_mapping", null);
            index.check(definition.path("mappings"), existing.path(config.index()).path("mappings"));
            LOG.info("OpenSearch index {} exists with a fitting mapping", config.index());
        } catch (OpenSearchConnection.OpenSearchRequestException e) {
            if (e.status() != 404) {
                throw e;
            }
            ObjectNode settings = definition.withObjectProperty("settings").withObjectProperty("index");
            settings.put("number_of_shards", config.shards());
            settings.put("number_of_replicas", config.replicas());
            try {
                connection.request("PUT", "/" + config.index(), definition);
                LOG.info("Created OpenSearch index {} ({} shards, {} replicas)", config.index(), config.shards(),
                        config.replicas());
            } catch (OpenSearchConnection.OpenSearchRequestException raced) {
                // Instances starting together: another one created the index a moment ago, with this mapping.
                if (!raced.getMessage().contains("resource_already_exists_exception")) {
                    throw raced;
                }
            }
        } catch (IOException e) {
            throw new IOException("Cannot reach OpenSearch at " + config.url() + " (OPENSEARCH_URL): " + e.getMessage(), e);
        }
        return index;
    }

    public String name() {
        return name;
    }

    public OpenSearchConnection connection() {
        return connection;
    }

    /** Documents visible to searches now (OpenSearch refreshes every second by itself). */
    public long documentCount() throws IOException {
        return connection.request("GET", "/" + name + "/_count", null).path("count").asLong();
    }

    /**
     * The keyword field of {@code id␟name} labels of a keyword field's entities ({@link IndexFields#names}
     * in Lucene, whose dotted name would clash here with the keyword field of the same stem).
     */
    static String names(String field) {
        return field + "_names";
    }

    /** The OpenSearch document for {@code doc}: the fields of {@link IndexFields} plus the API's view. */
    static Map<String, Object> source(String id, IndexDocument doc) {
        Map<String, Object> source = new LinkedHashMap<>();
        source.put(IndexFields.ID, id);
        source.put(IndexFields.FILE_NAME, doc.getFileName());
        putIfSet(source, IndexFields.TITLE, doc.getTitle());
        source.put(IndexFields.TEXT, doc.getText());
        if (doc.getDate() != null) {
            source.put(IndexFields.DATE, doc.getDate().toString());
            source.put(IndexFields.YEAR, Integer.toString(doc.getDate().getYear()));
        }
        putIfSet(source, IndexFields.TYPE, doc.getDocumentType());
        putIfSet(source, IndexFields.LANGUAGE, doc.getLanguage());
        putAll(source, IndexFields.MINISTRY, doc.getSummary().getMinistryIds());
        putAll(source, IndexFields.COUNTRY, doc.getSummary().getCountryIds());
        putAll(source, names(IndexFields.MINISTRY), doc.getEntities().getMinistries().stream()
                .map(m -> new IndexFields.EntityName(m.getId(), m.getName()).label()).toList());
        putAll(source, names(IndexFields.COUNTRY), doc.getEntities().getCountries().stream()
                .map(c -> new IndexFields.EntityName(c.getId(), c.getName()).label()).toList());
        putAll(source, IndexFields.MOTION, doc.getSummary().getMotionIds());
        putAll(source, IndexFields.DOSSIER, LuceneDocuments.dossiers(doc));
        putIfSet(source, IndexFields.CHAMBER, doc.getChamber());
        putIfSet(source, IndexFields.DOCUMENT_ID, doc.getDocumentId());
        putAll(source, IndexFields.MOTION_STATUS, LuceneDocuments.motionStatuses(doc));
        Map<String, List<Long>> cents = new TreeMap<>();
        for (AmountMention amount : doc.getEntities().getAmounts()) {
            cents.computeIfAbsent(amount.getCurrency(), currency -> new ArrayList<>())
                    .add(LuceneDocuments.cents(amount.getValue()));
        }
        if (!cents.isEmpty()) {
            source.put(AMOUNT, cents);
        }
        source.put(VIEW, DocumentJson.withoutText(doc));
        return source;
    }

    private void check(JsonNode wanted, JsonNode actual) {
        List<String> differences = new ArrayList<>();
        wanted.path("properties").properties().forEach(field -> {
            JsonNode have = actual.path("properties").path(field.getKey());
            for (String attribute : List.of("type", "analyzer", "enabled")) {
                JsonNode want = field.getValue().path(attribute);
                if (!want.isMissingNode() && !want.equals(have.path(attribute))
                        && !(attribute.equals("type") && want.asText().equals("object") && have.has("properties"))) {
                    differences.add(field.getKey() + "." + attribute + " is " + describe(have.path(attribute))
                            + ", expected " + want);
                }
            }
        });
        if (!differences.isEmpty()) {
            throw new IllegalStateException("OpenSearch index " + name + " exists with a mapping that does not fit"
                    + " the documents: " + String.join("; ", differences) + ". Delete the index or set"
                    + " OPENSEARCH_INDEX to a new name, and set a new OPENSEARCH_GROUP_ID: the new index is then"
                    + " fed from the beginning of documents.index.");
        }
    }

    private static String describe(JsonNode value) {
        return value.isMissingNode() ? "missing" : value.toString();
    }

    private static ObjectNode definition() {
        try (InputStream in = DocumentsIndex.class.getResourceAsStream("documents-index.json")) {
            return (ObjectNode) Response.JSON.readTree(in);
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("documents-index.json is missing from the index-service jar", e);
        }
    }

    private static void putIfSet(Map<String, Object> source, String field, String value) {
        if (value != null && !value.isBlank()) {
            source.put(field, value);
        }
    }

    private static void putAll(Map<String, Object> source, String field, Collection<String> values) {
        if (!values.isEmpty()) {
            source.put(field, List.copyOf(new LinkedHashSet<>(values)));
        }
    }
}
