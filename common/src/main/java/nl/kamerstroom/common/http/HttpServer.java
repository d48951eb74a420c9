package nl.kamerstroom.common.http;

import com.sun.net.httpserver.HttpExchange;
import io.micrometer.core.instrument.Counter;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import nl.kamerstroom.common.config.HttpConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A small HTTP server on the JDK's built-in server: {@code /health}, {@code /metrics} and
 * whatever GET routes a service adds. Bad requests get 400 with a message; anything else that
 * goes wrong gets 500 without a stack trace (it is logged instead).
 *
 * <p>At most {@link HttpConfig#threads()} requests are answered at once and
 * {@link HttpConfig#queue()} wait; a request beyond that gets 503 with {@code Retry-After} at
 * once. Probes ({@code /health}, {@code /metrics}, {@link Builder#probe}) are answered even
 * then: a busy service is not a dead one, and an orchestrator must not restart it for that.
 */
public final class HttpServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(HttpServer.class);
    /** Seconds a client told "busy" waits before trying again. */
    static final String RETRY_AFTER_SECONDS = "1";
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

    private record Route(Handler handler, boolean probe) {
    }

    private final com.sun.net.httpserver.HttpServer server;
    private final BoundedExchanges executor;

    private HttpServer(com.sun.net.httpserver.HttpServer server, BoundedExchanges executor) {
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
        executor.close();
    }

    /** Collects routes, then binds. Routes match by path prefix; the longest prefix wins. */
    public static final class Builder {
        private final HttpConfig config;
        private final Map<String, Route> routes = new LinkedHashMap<>();
        private Counter rejected;

        private Builder(HttpConfig config) {
            this.config = config;
        }

        public Builder route(String pathPrefix, Handler handler) {
            routes.put(pathPrefix, new Route(handler, false));
            return this;
        }

        /** A cheap route answered even when every thread is busy: health checks and the like. */
        public Builder probe(String pathPrefix, Handler handler) {
            routes.put(pathPrefix, new Route(handler, true));
            return this;
        }

        public Builder health(Supplier<Health> health) {
            return probe("/health", request -> {
                Health h = health.get();
                return Response.json(h.up() ? 200 : 503, h);
            });
        }

        public Builder metrics(PrometheusMeterRegistry registry) {
            rejected = Counter.builder("kamerstroom.http.rejected")
                    .description("Requests answered 503 because every HTTP thread was busy and the queue full")
                    .register(registry);
            return probe("/metrics", request -> Response.text(200, "text/plain; version=0.0.4; charset=utf-8",
                    registry.scrape()));
        }

        /** Binds and starts; nothing is left running when it throws. */
        public HttpServer start() throws IOException {
            com.sun.net.httpserver.HttpServer server;
            try {
                server = com.sun.net.httpserver.HttpServer.create(
                        new InetSocketAddress(config.bindAddress(), config.port()), 64);
            } catch (BindException e) {
                throw new BindException("Cannot listen on " + config.bindAddress() + ":" + config.port()
                        + " (" + e.getMessage() + "); is another service on that port? Set HTTP_PORT (or HTTP_BIND) "
                        + "to a free one");
            }
            BoundedExchanges executor = new BoundedExchanges(config.threads(), config.queue());
            server.setExecutor(executor);
            Counter overloaded = rejected;
            routes.forEach((prefix, route) -> server.createContext(prefix,
                    exchange -> serve(exchange, route, overloaded)));
            server.start();
            LOG.info("HTTP server listening on http://{}:{}{}", config.bindAddress(), server.getAddress().getPort(),
                    routes.keySet());
            return new HttpServer(server, executor);
        }
    }

    private static void serve(HttpExchange exchange, Route route, Counter overloaded) throws IOException {
        Response response;
        try {
            if (!"GET".equals(exchange.getRequestMethod()) && !"HEAD".equals(exchange.getRequestMethod())) {
                response = Response.error(405, "Only GET is supported");
            } else if (BoundedExchanges.overflow() && !route.probe()) {
                if (overloaded != null) {
                    overloaded.increment();
                }
                exchange.getResponseHeaders().set("Retry-After", RETRY_AFTER_SECONDS);
                response = Response.error(503, "Busy: every HTTP thread is answering a request and the queue is full "
                        + "(HTTP_THREADS, HTTP_QUEUE); try again in " + RETRY_AFTER_SECONDS + " s");
            } else {
                response = route.handler().handle(Request.parse(exchange.getRequestURI().getPath(),
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
