package nl.kamerstroom.common.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
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
