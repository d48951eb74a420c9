package nl.kamerstroom.index.operator;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import nl.kamerstroom.common.http.Response;

/**
 * Asks another service over HTTP how it is: its /health answer and its /metrics text. A service
 * that does not answer within {@link #TIMEOUT} counts as unreachable, so one hung service never
 * stalls the operator view.
 */
final class ServiceProbe implements AutoCloseable {

    static final Duration TIMEOUT = Duration.ofSeconds(2);

    /** A service's state: {@code metrics} is null when they could not be read. */
    record Answer(boolean up, String status, PrometheusText metrics) {

        static Answer unreachable(String why) {
            return new Answer(false, why, null);
        }
    }

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    Answer probe(URI base) {
        try {
            HttpResponse<String> health = get(base.resolve("/health"));
            String status = health.statusCode() == 200 ? "RUNNING" : "HTTP " + health.statusCode();
            try {
                JsonNode body = Response.JSON.readTree(health.body());
                if (body.hasNonNull("status")) {
                    status = body.get("status").asText();
                }
            } catch (IOException e) {
                // not a JSON health answer: the HTTP status says enough
            }
            HttpResponse<String> metrics = get(base.resolve("/metrics"));
            return new Answer(health.statusCode() == 200, status,
                    metrics.statusCode() == 200 ? new PrometheusText(metrics.body()) : null);
        } catch (IOException e) {
            return Answer.unreachable("UNREACHABLE");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Answer.unreachable("INTERRUPTED");
        }
    }

    /** Ends the client's selector thread; a probe still running finishes first (at most {@link #TIMEOUT}). */
    @Override
    public void close() {
        client.close();
    }

    private HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(uri).timeout(TIMEOUT).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
