package nl.kamerstroom.index.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Map;
import nl.kamerstroom.common.http.Response;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.util.Timeout;
import org.opensearch.client.json.jackson.JacksonJsonpMapper;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch.generic.Body;
import org.opensearch.client.opensearch.generic.Requests;
import org.opensearch.client.transport.OpenSearchTransport;
import org.opensearch.client.transport.httpclient5.ApacheHttpClient5TransportBuilder;

/**
 * The OpenSearch client (opensearch-java over Apache HttpClient 5, Jackson as its JSON mapper),
 * plus plain JSON requests for what reads best as the JSON OpenSearch documents: the index
 * mapping and the search body.
 */
public final class OpenSearchConnection implements AutoCloseable {

    /** A bulk of 500 20 KB documents takes seconds on a loaded node; longer means it is stuck. */
    private static final Timeout RESPONSE_TIMEOUT = Timeout.ofSeconds(60);
    private static final String JSON = "application/json";

    private final OpenSearchTransport transport;
    private final OpenSearchClient client;

    private OpenSearchConnection(OpenSearchTransport transport) {
        this.transport = transport;
        this.client = new OpenSearchClient(transport);
    }

    public static OpenSearchConnection open(String url) {
        try {
            return new OpenSearchConnection(ApacheHttpClient5TransportBuilder.builder(HttpHost.create(url))
                    .setMapper(new JacksonJsonpMapper(Response.JSON))
                    .setRequestConfigCallback(request -> request.setResponseTimeout(RESPONSE_TIMEOUT))
                    .build());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("OPENSEARCH_URL is not a URL: " + url, e);
        }
    }

    public OpenSearchClient client() {
        return client;
    }

    /** Sends {@code body} (null for none) as JSON and answers the JSON reply; a status of 400 or more throws. */
    public JsonNode request(String method, String path, Object body) throws IOException {
        Body json = body == null ? null : Body.from(Response.JSON.writeValueAsBytes(body), JSON);
        try (var response = client.generic().execute(Requests.create(method, path, List.of(), Map.of(), json))) {
            String reply = response.getBody().map(Body::bodyAsString).orElse("{}");
            if (response.getStatus() >= 400) {
                throw new OpenSearchRequestException(method + " " + path, response.getStatus(), reply);
            }
            return Response.JSON.readTree(reply);
        }
    }

    @Override
    public void close() throws IOException {
        transport.close();
    }

    /** OpenSearch answered with an error status. */
    public static final class OpenSearchRequestException extends IOException {
        private final int status;

        OpenSearchRequestException(String request, int status, String reply) {
            super(request + " answered " + status + ": " + reply);
            this.status = status;
        }

        public int status() {
            return status;
        }
    }
}
