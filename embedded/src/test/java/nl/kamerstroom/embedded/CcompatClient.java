package nl.kamerstroom.embedded;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** Just enough of the Confluent REST API to check the registry from tests, over plain java.net.http. */
final class CcompatClient {

    private static final String JSON = "application/vnd.schemaregistry.v1+json";
    private final HttpClient http = HttpClient.newHttpClient();
    private final String url;

    CcompatClient(String url) {
        this.url = url;
    }

    HttpResponse<String> register(String subject, String avroSchema) throws IOException, InterruptedException {
        return post("/subjects/" + subject + "/versions", avroSchema);
    }

    HttpResponse<String> lookup(String subject, String avroSchema) throws IOException, InterruptedException {
        return post("/subjects/" + subject, avroSchema);
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url + path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String avroSchema) throws IOException, InterruptedException {
        String body = "{\"schema\":\"" + avroSchema.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}";
        HttpRequest request = HttpRequest.newBuilder(URI.create(url + path))
                .header("Content-Type", JSON)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
