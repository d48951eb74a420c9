package nl.kamerstroom.index.api;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import nl.kamerstroom.common.http.BadRequestException;
import nl.kamerstroom.common.http.Health;
import nl.kamerstroom.common.http.HttpServer;
import nl.kamerstroom.common.http.Request;
import nl.kamerstroom.common.http.Response;
import nl.kamerstroom.index.search.InvalidQueryException;
import nl.kamerstroom.index.search.SearchResult;
import nl.kamerstroom.index.search.SearchStore;

/**
 * The JSON API: {@code /api/search}, {@code /api/documents/{id}}, {@code /api/entities},
 * {@code /api/motions/{kst-id}}, {@code /api/health}. Hits carry the entity lists in the extractor's JSON shape.
 */
public final class SearchApi {

    static final List<String> HIT_FIELDS = List.of("id", "fileName", "title", "date", "documentType", "language",
            "kamerstuk", "chamber", "documentId", "ministries", "countries", "motions", "amounts");
    private static final String DOCUMENTS = "/api/documents/";

    private final SearchStore search;
    private final Supplier<Health> health;
    private final Timer searchTimer;
    private final Timer documentTimer;
    private final Timer entitiesTimer;
    private final Timer motionTimer;
    private final Timer entityTimer;
    private final EntityList entities;
    private final MotionApi motions;
    private final EntityApi entity;

    public SearchApi(SearchStore search, Supplier<Health> health, MeterRegistry registry) {
        this.search = search;
        this.health = health;
        this.entities = new EntityList(search);
        this.motions = new MotionApi(search);
        this.entity = new EntityApi(search);
        this.searchTimer = timer(registry, "search");
        this.documentTimer = timer(registry, "document");
        this.entitiesTimer = timer(registry, "entities");
        this.motionTimer = timer(registry, "motion");
        this.entityTimer = timer(registry, "entity");
    }

    /** Adds the API routes to {@code server}. */
    public HttpServer.Builder routes(HttpServer.Builder server) {
        return server
                .route("/api/search", request -> searchTimer.recordCallable(() -> search(request)))
                .route(DOCUMENTS, request -> documentTimer.recordCallable(() -> document(request)))
                .route("/api/entities", request -> entitiesTimer.recordCallable(() -> entities.answer(request)))
                .route(MotionApi.PATH, request -> motionTimer.recordCallable(() -> motions.answer(request)))
                .route(EntityApi.PATH, request -> entityTimer.recordCallable(() -> entity.answer(request)))
                .probe("/api/health", request -> {
                    Health h = health.get();
                    return Response.json(h.up() ? 200 : 503, h);
                });
    }

    Response search(Request request) throws Exception {
        SearchResult result;
        try {
            result = search.search(SearchParams.parse(request));
        } catch (InvalidQueryException e) {
            throw new BadRequestException(e.getMessage());
        }
        List<Map<String, Object>> hits = new ArrayList<>(result.hits().size());
        for (SearchResult.Hit hit : result.hits()) {
            Map<String, Object> json = new LinkedHashMap<>();
            HIT_FIELDS.forEach(field -> json.put(field, hit.document().get(field)));
            json.put("snippet", hit.snippet());
            hits.add(json);
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("total", result.total());
        answer.put("hits", hits);
        answer.put("facets", result.facets());
        answer.put("timedOut", result.timedOut());
        return Response.json(answer);
    }

    Response document(Request request) throws Exception {
        String id = request.path().substring(DOCUMENTS.length());
        if (id.isBlank() || id.contains("/")) {
            throw new BadRequestException("Expected /api/documents/{id}, got " + request.path());
        }
        return search.document(id).map(Response::json)
                .orElseGet(() -> Response.error(404, "No document with id " + id));
    }

    private static Timer timer(MeterRegistry registry, String endpoint) {
        return Timer.builder("kamerstroom_index_query_seconds")
                .description("Time to answer an API request, by endpoint")
                .tag("endpoint", endpoint)
                .publishPercentileHistogram()
                .register(registry);
    }
}
