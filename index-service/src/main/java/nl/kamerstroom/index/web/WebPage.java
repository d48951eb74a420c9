package nl.kamerstroom.index.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import nl.kamerstroom.common.http.Request;
import nl.kamerstroom.common.http.Response;

/**
 * The search page: one static HTML file that calls the JSON API with fetch(). No build step
 * and no external scripts or fonts, so it works offline and behind any proxy.
 */
public final class WebPage {

    private static final String RESOURCE = "/nl/kamerstroom/index/web/index.html";

    private final String html;

    public WebPage() {
        try (InputStream in = WebPage.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Missing resource " + RESOURCE);
            }
            html = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Answers {@code /} (and {@code /index.html}) with the page, any other unrouted path with 404. */
    public Response answer(Request request) {
        if (request.path().equals("/") || request.path().equals("/index.html")) {
            return Response.text(200, "text/html; charset=utf-8", html);
        }
        return Response.error(404, "Not found: " + request.path());
    }
}
