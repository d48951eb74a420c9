package nl.kamerstroom.index.search;

import java.util.List;
import java.util.Map;

/**
 * What the page of one entity shows: the entity as its first mention describes it, how many
 * documents mention it and how often, mentions per month, and one page of those documents.
 *
 * @param mention   the first mention found (name, submitters, Kamerstuk id, ...), null when none was read
 * @param documents documents that mention the entity
 * @param counted   documents read for the mention counts and months: all of them up to {@link EntitySearch#MAX_COUNTED}
 * @param months    per month ({@code 2024-03}) the documents and mentions; documents without a date under {@code null}
 * @param page      the documents of this page, newest first, each with its number of mentions
 */
public record EntityReport(EntityType type, String id, Map<String, Object> mention, long documents, long counted,
                           long mentions, List<Month> months, List<Map<String, Object>> page) {

    public record Month(String month, long documents, long mentions) {
    }
}
