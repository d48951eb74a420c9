package nl.kamerstroom.index.api;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.kamerstroom.common.http.BadRequestException;
import nl.kamerstroom.common.http.Request;
import nl.kamerstroom.common.http.Response;
import nl.kamerstroom.index.search.SearchResult;
import nl.kamerstroom.index.search.SearchStore;
import nl.kamerstroom.index.store.IndexFields;

/**
 * {@code /api/entities?type=ministry|country|motion|dossier}: every entity of a type with the
 * number of documents mentioning it, most frequent first. Ministries and countries also get
 * their name. Counts and names come from doc values: a request costs one pass over the field's
 * values, never a stored document per entity; {@code limit} above {@value #MAX_LIMIT} is a 400.
 */
final class EntityList {

    /** An entity type's index field, and whether its entities have names. */
    private record Kind(String field, boolean named) {
    }

    private static final Map<String, Kind> TYPES = Map.of(
            "ministry", new Kind(IndexFields.MINISTRY, true),
            "country", new Kind(IndexFields.COUNTRY, true),
            "motion", new Kind(IndexFields.MOTION, false),
            "dossier", new Kind(IndexFields.DOSSIER, false));
    private static final int DEFAULT_LIMIT = 100;
    private static final int MAX_LIMIT = 1000;

    private final SearchStore search;

    EntityList(SearchStore search) {
        this.search = search;
    }

    Response answer(Request request) throws IOException {
        String type = request.param("type");
        Kind kind = type == null ? null : TYPES.get(type);
        if (kind == null) {
            throw new BadRequestException("Parameter 'type' must be one of " + TYPES.keySet().stream().sorted().toList()
                    + ", got " + (type == null ? "nothing" : "'" + type + "'"));
        }
        int limit = request.intParam("limit", DEFAULT_LIMIT, 1, MAX_LIMIT);
        Map<String, String> names = kind.named() ? search.names(kind.field()) : Map.of();
        List<Map<String, Object>> entities = new ArrayList<>();
        for (SearchResult.FacetValue value : search.counts(kind.field(), limit)) {
            Map<String, Object> entity = new LinkedHashMap<>();
            entity.put("id", value.value());
            if (kind.named()) {
                entity.put("name", names.get(value.value()));
            }
            entity.put("documents", value.count());
            entities.add(entity);
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("type", type);
        answer.put("entities", entities);
        return Response.json(answer);
    }
}
