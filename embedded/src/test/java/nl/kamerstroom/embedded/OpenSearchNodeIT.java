package nl.kamerstroom.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One OpenSearch node from the Maven Central zip: Dutch analysis, durable data, never root. */
class OpenSearchNodeIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void runsWithDutchAnalysisKeepsItsIndicesAcrossARestartAndNeverAsRoot(@TempDir Path parent) throws Exception {
        // As root the node runs as another user, who must be able to walk into the (private) temp dir.
        Files.setPosixFilePermissions(parent, PosixFilePermissions.fromString("rwxr-xr-x"));
        try (OpenSearchNode node = OpenSearchNode.builder().dataDir(parent.resolve("node")).build().start()) {
            String analysed = send(node, "POST", "/_analyze", "{\"analyzer\":\"dutch\",\"text\":\"de begrotingen\"}");
            assertThat(analysed).contains("\"token\":\"begrot\"").doesNotContain("\"token\":\"de\"");
            assertThat(ProcessHandle.of(node.pid()).orElseThrow().info().user()).isNotEqualTo(Optional.of("root"));

            send(node, "PUT", "/kept", "{\"settings\":{\"number_of_replicas\":0}}");
            node.stop();
            assertThat(node.isRunning()).isFalse();
            node.start();

            assertThat(send(node, "GET", "/_cat/indices?h=index,health", null)).contains("kept green");
        }
    }

    private static String send(OpenSearchNode node, String method, String path, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(node.url() + path))
                .header("Content-Type", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response.body();
    }
}
