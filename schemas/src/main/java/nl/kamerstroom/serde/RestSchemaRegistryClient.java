package nl.kamerstroom.serde;

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
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;

/**
 * Speaks the Confluent Schema Registry REST API (also served by Apicurio under
 * {@code /apis/ccompat/v7}). Every answer is cached, so steady-state serialisation makes no
 * HTTP calls at all.
 */
final class RestSchemaRegistryClient implements SchemaRegistryClient {

    private static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String baseUrl;
    private final HttpClient http;
    private final Duration timeout;
    private final Map<String, Map<Schema, Integer>> registered = new ConcurrentHashMap<>();
    private final Map<String, Map<Schema, Integer>> lookedUp = new ConcurrentHashMap<>();
    private final Map<String, RegisteredSchema> latest = new ConcurrentHashMap<>();
    private final Map<Integer, Schema> byId = new ConcurrentHashMap<>();

    RestSchemaRegistryClient(String baseUrl, Duration timeout) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    @Override
    public int register(String subject, Schema schema) {
        return registered.computeIfAbsent(subject, s -> new ConcurrentHashMap<>())
                .computeIfAbsent(schema, s -> {
                    JsonNode answer = post("/subjects/" + encode(subject) + "/versions", schemaBody(s),
                            "register the schema " + s.getFullName() + " under subject " + subject);
                    int id = answer.path("id").asInt();
                    byId.putIfAbsent(id, s);
                    return id;
                });
    }

    @Override
    public int idOf(String subject, Schema schema) {
        Integer known = registered.getOrDefault(subject, Map.of()).get(schema);
        if (known != null) {
            return known;
        }
        return lookedUp.computeIfAbsent(subject, s -> new ConcurrentHashMap<>())
                .computeIfAbsent(schema, s -> {
                    JsonNode answer = post("/subjects/" + encode(subject), schemaBody(s),
                            "look up the schema " + s.getFullName() + " under subject " + subject
                                    + " (auto.register.schemas is false: register it first)");
                    int id = answer.path("id").asInt();
                    byId.putIfAbsent(id, s);
                    return id;
                });
    }

    @Override
    public RegisteredSchema latest(String subject) {
        return latest.computeIfAbsent(subject, s -> {
            JsonNode answer = get("/subjects/" + encode(s) + "/versions/latest",
                    "read the latest schema of subject " + s);
            Schema schema = new Schema.Parser().parse(answer.path("schema").asText());
            int id = answer.path("id").asInt();
            byId.putIfAbsent(id, schema);
            return new RegisteredSchema(s, id, answer.path("version").asInt(), schema);
        });
    }

    @Override
    public Schema schemaById(int id) {
        return byId.computeIfAbsent(id, i -> {
            JsonNode answer = get("/schemas/ids/" + i, "read schema id " + i);
            return new Schema.Parser().parse(answer.path("schema").asText());
        });
    }

    private static String schemaBody(Schema schema) {
        return JSON.createObjectNode().put("schemaType", "AVRO").put("schema", schema.toString()).toString();
    }

    private JsonNode get(String path, String purpose) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).GET(), purpose);
    }

    private JsonNode post(String path, String body, String purpose) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Content-Type", CONTENT_TYPE)
                .POST(HttpRequest.BodyPublishers.ofString(body)), purpose);
    }

    private JsonNode send(HttpRequest.Builder request, String purpose) {
        HttpResponse<String> response;
        try {
            response = http.send(request.header("Accept", CONTENT_TYPE).timeout(timeout).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new SchemaRegistryException("Schema registry at " + baseUrl + " is unreachable (could not "
                    + purpose + "): " + e, 0, 0, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SchemaRegistryException("Interrupted while trying to " + purpose, 0, 0, e);
        }
        JsonNode json = parse(response.body());
        if (response.statusCode() / 100 != 2) {
            String message = json.path("message").asText(response.body());
            throw new SchemaRegistryException("Schema registry at " + baseUrl + " refused to " + purpose
                    + ": HTTP " + response.statusCode() + " " + message,
                    response.statusCode(), json.path("error_code").asInt(0), null);
        }
        return json;
    }

    private static JsonNode parse(String body) {
        try {
            return JSON.readTree(body == null || body.isBlank() ? "{}" : body);
        } catch (IOException e) {
            return JSON.createObjectNode().put("message", body);
        }
    }

    private static String encode(String subject) {
        return URLEncoder.encode(subject, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
