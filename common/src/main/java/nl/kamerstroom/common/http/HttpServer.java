package nl.kamerstroom.common.http;

import com.sun.net.httpserver.HttpExchange;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import nl.kamerstroom.common.config.HttpConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A small HTTP server on the JDK's built-in server: {@code /health}, {@code /metrics} and
 * whatever GET routes a service adds. Bad requests get 400 with a message; anything else that
 * goes wrong gets 500 without a stack trace (it is logged instead).
 */
public final class HttpServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(HttpServer.class);
    /**
     * Pages show text from untrusted documents: scripts only from this server's own files (no
     * inline script, no eval), nothing loaded from elsewhere, no framing, and no content-type
     * guessing that could turn a JSON answer into a page.
     */
    static final Map<String, String> SECURITY_HEADERS = Map.of(
            "Content-Security-Policy", "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                    + "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'",
            "X-Content-Type-Options", "nosniff",
            "Referrer-Policy", "no-referrer");

    /** Answers one GET request. */
    @FunctionalInterface
    public interface Handler {
        Response handle(Request request) throws Exception;
    }

    private final com.sun.net.httpserver.HttpServer server;
    private final ExecutorService executor;

    private HttpServer(com.sun.net.httpserver.HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    public static Builder builder(HttpConfig config) {
        return new Builder(config);
    }

    public int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    /** Collects routes, then binds. Routes match by path prefix; the longest prefix wins. */
    public static final class Builder {
        private final HttpConfig config;
        private final Map<String, Handler> routes = new LinkedHashMap<>();

        private Builder(HttpConfig config) {
            this.config = config;
        }

        public Builder route(String pathPrefix, Handler handler) {
            routes.put(pathPrefix, handler);
            return this;
        }

        public Builder health(Supplier<Health> health) {
            return route("/health", request -> {
                Health h = health.get();
                return Response.json(h.up() ? 200 : 503, h);
            });
        }

        public Builder metrics(PrometheusMeterRegistry registry) {
            return route("/metrics", request -> Response.text(200, "text/plain; version=0.0.4; charset=utf-8",
                    registry.scrape()));
        }

        public HttpServer start() throws IOException {
            var server = com.sun.net.httpserver.HttpServer.create(
                    new InetSocketAddress(config.bindAddress(), config.port()), 64);
            ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
            server.setExecutor(executor);
            routes.forEach((prefix, handler) -> server.createContext(prefix, exchange -> serve(exchange, handler)));
            server.start();
            LOG.info("HTTP server listening on http://{}:{}{}", config.bindAddress(), server.getAddress().getPort(),
                    routes.keySet());
            return new HttpServer(server, executor);
        }
    }

    private static void serve(HttpExchange exchange, Handler handler) throws IOException {
        Response response;
        try {
            if (!"GET".equals(exchange.getRequestMethod()) && !"HEAD".equals(exchange.getRequestMethod())) {
                response = Response.error(405, "Only GET is supported");
            } else {
                response = handler.handle(Request.parse(exchange.getRequestURI().getPath(),
                        exchange.getRequestURI().getRawQuery()));
            }
        } catch (BadRequestException e) {
            response = Response.error(400, e.getMessage());
        } catch (Exception | StackOverflowError e) {
            LOG.error("Request {} failed", exchange.getRequestURI(), e);
            response = Response.error(500, "Internal error: " + e.getClass().getSimpleName());
        }
        exchange.getResponseHeaders().set("Content-Type", response.contentType());
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        SECURITY_HEADERS.forEach(exchange.getResponseHeaders()::set);
        boolean head = "HEAD".equals(exchange.getRequestMethod());
        exchange.sendResponseHeaders(response.status(), head ? -1 : response.body().length);
        try (OutputStream out = exchange.getResponseBody()) {
            if (!head) {
                out.write(response.body());
            }
        }
    }
}
