package nl.kamerstroom.index.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.kamerstroom.common.http.Request;
import nl.kamerstroom.common.http.Response;

/**
 * The web pages: the search page (search, document and entity views, one HTML shell whose
 * address says which view) and the operator's view, with their scripts and style sheet as
 * separate static files, because the Content-Security-Policy allows no inline script. No
 * build step and nothing loaded from elsewhere, so the pages work offline and behind any proxy.
 */
public final class WebPage {

    private static final String RESOURCES = "/nl/kamerstroom/index/web/";
    private static final String STATIC = "/static/";
    private static final List<String> STATIC_FILES = List.of("ui.js", "search.js", "views.js", "operator.js", "style.css");
    /** Addresses of the search page's views; the script reads the view from the address. */
    private static final List<String> SEARCH_VIEWS = List.of("/document/", "/entity/");
    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=utf-8",
            "js", "text/javascript; charset=utf-8",
            "css", "text/css; charset=utf-8");

    private final Response searchPage = load("index.html");
    private final Response operatorPage = load("operator.html");
    private final Map<String, Response> staticFiles = new HashMap<>();

    public WebPage() {
        STATIC_FILES.forEach(name -> staticFiles.put(STATIC + name, load(name)));
    }

    /** Answers the pages and their static files; any other unrouted path gets 404. */
    public Response answer(Request request) {
        String path = request.path();
        if (path.equals("/") || path.equals("/index.html") || SEARCH_VIEWS.stream().anyMatch(path::startsWith)) {
            return searchPage;
        }
        if (path.equals("/operator")) {
            return operatorPage;
        }
        Response file = staticFiles.get(path);
        return file != null ? file : Response.error(404, "Not found: " + path);
    }

    private static Response load(String name) {
        try (InputStream in = WebPage.class.getResourceAsStream(RESOURCES + name)) {
            if (in == null) {
                throw new IllegalStateException("Missing resource " + RESOURCES + name);
            }
            String type = TYPES.get(name.substring(name.lastIndexOf('.') + 1));
            return Response.text(200, type, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
