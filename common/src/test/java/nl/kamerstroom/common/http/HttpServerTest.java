package nl.kamerstroom.common.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.BindException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import nl.kamerstroom.common.config.HttpConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HttpServerTest {

    private final AtomicBoolean up = new AtomicBoolean(false);
    private final HttpClient client = HttpClient.newHttpClient();
    private HttpServer server;

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.builder(new HttpConfig("127.0.0.1", 0))
                .health(() -> up.get() ? Health.up("RUNNING", Map.of()) : Health.down("STARTING", Map.of()))
                .metrics(ServiceMetrics.create("test"))
                .route("/api/echo", request -> Response.json(Map.of("limit", request.intParam("limit", 10, 0, 100))))
                .route("/api/boom", request -> {
                    throw new IllegalStateException("secret internals");
                })
                .start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void healthFollowsTheService() throws Exception {
        assertThat(get("/health").statusCode()).isEqualTo(503);
        up.set(true);
        HttpResponse<String> response = get("/health");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"status\":\"RUNNING\"");
    }

    @Test
    void metricsArePrometheusTextWithTheServiceTag() throws Exception {
        HttpResponse<String> response = get("/metrics");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("jvm_memory_used_bytes").contains("service=\"test\"");
    }

    @Test
    void badParametersGet400WithAMessage() throws Exception {
        HttpResponse<String> response = get("/api/echo?limit=-1");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("'limit' must be between 0 and 100");
        assertThat(get("/api/echo?limit=7").body()).isEqualTo("{\"limit\":7}");
    }

    @Test
    void failuresGet500WithoutInternals() throws Exception {
        HttpResponse<String> response = get("/api/boom");

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.body()).doesNotContain("secret internals");
    }

    /**
     * One thread, one place in the queue: a request blocked in its handler holds the thread, a
     * second waits, a third is told to come back later; health is still answered. Once the
     * handler is released, the waiting request is answered as usual.
     */
    @Test
    void requestsBeyondTheThreadsAndTheQueueGet503WithRetryAfterButHealthIsStillAnswered() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        PrometheusMeterRegistry metrics = ServiceMetrics.create("test");
        try (HttpServer small = HttpServer.builder(new HttpConfig("127.0.0.1", 0, 1, 1))
                .health(() -> Health.up("RUNNING", Map.of()))
                .metrics(metrics)
                .route("/api/slow", request -> {
                    entered.countDown();
                    release.await();
                    return Response.json(Map.of("done", true));
                })
                .start()) {
            CompletableFuture<HttpResponse<String>> first = getAsync(small, "/api/slow");
            entered.await();
            CompletableFuture<HttpResponse<String>> second = getAsync(small, "/api/slow");
            CompletableFuture<HttpResponse<String>> third = getAsync(small, "/api/slow");

            // Which of the two is queued and which refused depends on arrival; exactly one is refused.
            HttpResponse<String> refused = (HttpResponse<String>) CompletableFuture.anyOf(second, third).get();
            assertThat(refused.statusCode()).isEqualTo(503);
            assertThat(refused.headers().firstValue("Retry-After")).hasValue("1");
            assertThat(refused.body()).contains("HTTP_THREADS");
            assertThat(get(small, "/health").statusCode()).isEqualTo(200);
            assertThat(get(small, "/metrics").body()).contains("kamerstroom_http_rejected_total{service=\"test\"} 1.0");

            release.countDown();
            assertThat(first.get().statusCode()).isEqualTo(200);
            assertThat(List.of(second.get().statusCode(), third.get().statusCode())).containsExactlyInAnyOrder(200, 503);
        }
    }

    @Test
    void aPortInUseIsAClearErrorNamingTheSetting() {
        assertThatThrownBy(() -> HttpServer.builder(new HttpConfig("127.0.0.1", server.port())).start())
                .isInstanceOf(BindException.class)
                .hasMessageContaining("127.0.0.1:" + server.port())
                .hasMessageContaining("HTTP_PORT");
    }

    private CompletableFuture<HttpResponse<String>> getAsync(HttpServer target, String path) {
        return client.sendAsync(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + target.port() + path)).GET()
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(HttpServer target, String path) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + target.port() + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void everyAnswerForbidsInlineScriptAndContentSniffing() throws Exception {
        for (String path : new String[] {"/api/echo", "/api/echo?limit=-1", "/api/boom"}) {
            HttpResponse<String> response = get(path);

            assertThat(response.headers().firstValue("Content-Security-Policy")).as(path)
                    .hasValueSatisfying(csp -> assertThat(csp).contains("script-src 'self';").doesNotContain("unsafe-inline"));
            assertThat(response.headers().firstValue("X-Content-Type-Options")).as(path).hasValue("nosniff");
        }
    }

    private HttpResponse<String> get(String path) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
