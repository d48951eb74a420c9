package nl.kamerstroom.chaos;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A JSON API over HTTP as any client would use it: an index instance's search API, or, for the
 * OpenSearch store's checks, OpenSearch's own REST API.
 */
final class ReplicaClient {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String baseUrl;

    ReplicaClient(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** How many documents the replica holds ({@code /api/search} with an empty query matches all); -1 when it does not answer. */
    long total() {
        try {
            return get("/api/search?limit=0").map(answer -> answer.path("total").asLong(-1)).orElse(-1L);
        } catch (IOException e) {
            return -1;
        }
    }

    /** {@code /api/documents/{id}}: the whole document with its text and mentions, empty on 404. */
    Optional<JsonNode> document(String id) throws IOException {
        return get("/api/documents/" + id);
    }

    /** {@code /api/search} with these parameters (q, ministry, limit, ...): total, hits and facets. */
    JsonNode search(Map<String, String> parameters) throws IOException {
        String query = parameters.entrySet().stream()
                .map(p -> p.getKey() + "=" + URLEncoder.encode(p.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return get("/api/search?" + query).orElseThrow(() -> new IOException("/api/search answered 404"));
    }

    /** GET {@code path}: the answer, or empty on 404. */
    Optional<JsonNode> get(String path) throws IOException {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(30)).build(), path);
    }

    /** POST {@code json} to {@code path}: the answer, or empty on 404. */
    Optional<JsonNode> post(String path, JsonNode json) throws IOException {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(json))).build(), path);
    }

    private static Optional<JsonNode> send(HttpRequest request, String path) throws IOException {
        try {
            HttpResponse<byte[]> response = HTTP.send(request, HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() == 404) {
                return Optional.empty();
            }
            if (response.statusCode() != 200) {
                throw new IOException(path + " answered " + response.statusCode());
            }
            return Optional.of(JSON.readTree(response.body()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted", e);
        }
    }
}
