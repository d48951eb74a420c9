package nl.kamerstroom.index.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.kamerstroom.common.http.BadRequestException;
import nl.kamerstroom.common.http.Request;
import nl.kamerstroom.common.http.Response;
import nl.kamerstroom.index.search.EntityReport;
import nl.kamerstroom.index.search.EntityType;
import nl.kamerstroom.index.search.SearchStore;

/**
 * {@code /api/entity/{type}/{id}?limit=&offset=}: one ministry, country, motion or dossier with
 * the documents mentioning it (newest first) and its mentions per month, for the entity page.
 * Answered alike by both stores (see {@link EntityReport}).
 */
final class EntityApi {

    static final String PATH = "/api/entity/";
    private static final int DEFAULT_LIMIT = 20;
    private static final int MAX_LIMIT = 100;

    private final SearchStore search;

    EntityApi(SearchStore search) {
        this.search = search;
    }

    Response answer(Request request) throws Exception {
        String[] parts = request.path().substring(PATH.length()).split("/", -1);
        if (parts.length != 2 || parts[1].isBlank()) {
            throw new BadRequestException("Expected " + PATH + "{type}/{id}, got " + request.path());
        }
        EntityType type = EntityType.byKey(parts[0]).orElseThrow(() -> new BadRequestException(
                "Entity type must be one of ministry, country, motion, dossier, got '" + parts[0] + "'"));
        int limit = request.intParam("limit", DEFAULT_LIMIT, 1, MAX_LIMIT);
        int offset = request.intParam("offset", 0, 0, EntityReport.MAX_COUNTED);
        EntityReport report = search.entity(type, parts[1], limit, offset);
        if (report.documents() == 0) {
            return Response.error(404, "No document mentions " + type.key() + " " + parts[1]);
        }
        return Response.json(json(report));
    }

    private static Map<String, Object> json(EntityReport report) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("type", report.type().key());
        json.put("id", report.id());
        json.put("mention", report.mention());
        json.put("documents", report.documents());
        json.put("counted", report.counted());
        json.put("mentions", report.mentions());
        List<Map<String, Object>> months = new ArrayList<>();
        for (EntityReport.Month month : report.months()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("month", month.month());
            row.put("documents", month.documents());
            row.put("mentions", month.mentions());
            months.add(row);
        }
        json.put("months", months);
        json.put("hits", report.page());
        return json;
    }
}
