package nl.kamerstroom.benchmarks.pipeline;

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
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** What a user of the search API sees: how many documents are searchable, and which of some are. */
final class SearchClient {

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();
    private final String base;

    SearchClient(int port) {
        this.base = "http://127.0.0.1:" + port + "/api/";
    }

    /**
     * Documents searchable now; -1 while the API does not answer. No hits (limit 0): a hit would
     * read a stored document and make a snippet on every poll, CPU the bench would charge the pipeline.
     */
    long total() {
        try {
            JsonNode answer = get("search?limit=0");
            return answer == null ? -1 : answer.path("total").asLong(-1);
        } catch (IOException e) {
            return -1;
        }
    }

    /** File names of the documents among {@code words} (one unique word each, at most 100) that are searchable now. */
    Set<String> searchable(List<String> words) throws IOException {
        Set<String> found = new HashSet<>();
        JsonNode answer = get("search?limit=100&q=" + URLEncoder.encode(String.join(" OR ", words), StandardCharsets.UTF_8));
        if (answer != null) {
            answer.path("hits").forEach(hit -> found.add(hit.path("fileName").asText()));
        }
        return found;
    }

    /** The document as the API shows it, or null if it is not there. */
    JsonNode document(String id) throws IOException {
        return get("documents/" + id);
    }

    private JsonNode get(String path) throws IOException {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + path))
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? json.readTree(response.body()) : null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }
}
