package nl.kamerstroom.index.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import nl.kamerstroom.index.store.IndexFields;

/**
 * The kinds of entity that have a page: the keyword field that finds the documents mentioning
 * one, and how to pick its mentions out of a document's JSON view (the extractor's lists).
 */
public enum EntityType {

    MINISTRY(IndexFields.MINISTRY, List.of("ministries")),
    COUNTRY(IndexFields.COUNTRY, List.of("countries")),
    MOTION(IndexFields.MOTION, List.of("motions")),
    /** A dossier is mentioned by the motions and Kamerstuk references that carry its number. */
    DOSSIER(IndexFields.DOSSIER, List.of("motions", "kamerstukken"));

    private final String field;
    private final List<String> mentionLists;

    EntityType(String field, List<String> mentionLists) {
        this.field = field;
        this.mentionLists = mentionLists;
    }

    public String field() {
        return field;
    }

    /** The name used in URLs and JSON: {@code ministry}, {@code country}, {@code motion}, {@code dossier}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<EntityType> byKey(String key) {
        for (EntityType type : values()) {
            if (type.key().equals(key)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }

    /** The mentions of entity {@code id} in a document's JSON view, in document order. */
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> mentions(Map<String, Object> document, String id) {
        List<Map<String, Object>> found = new ArrayList<>();
        for (String list : mentionLists) {
            Object mentions = document.get(list);
            if (mentions instanceof List<?> items) {
                for (Object item : items) {
                    Map<String, Object> mention = (Map<String, Object>) item;
                    if (id.equals(idOf(mention))) {
                        found.add(mention);
                    }
                }
            }
        }
        return found;
    }

    /** The id a mention has as this type; the same rule the enricher uses for the summary's ids. */
    @SuppressWarnings("unchecked")
    private String idOf(Map<String, Object> mention) {
        return switch (this) {
            case MINISTRY, COUNTRY -> Objects.toString(mention.get("id"), null);
            case DOSSIER -> Objects.toString(mention.get("dossier"), null);
            case MOTION -> mention.get("documentId") != null ? mention.get("documentId").toString()
                    : String.join(", ", (List<String>) mention.getOrDefault("submitters", List.of()));
        };
    }
}
