package nl.kamerstroom.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Confluent API calls our serde makes, against Apicurio's ccompat API: these pin down the
 * answers (status codes, error codes, bodies) the serde relies on.
 */
class SchemaRegistryServerIT {

    static final String V1 = """
            {"type":"record","name":"Doc","namespace":"nl.test","fields":[{"name":"id","type":"string"}]}""";
    static final String V1_REFORMATTED = """
            { "type": "record", "name": "Doc", "namespace": "nl.test", "fields": [ {"name": "id", "type": "string"} ] }""";
    static final String V2_COMPATIBLE = """
            {"type":"record","name":"Doc","namespace":"nl.test","fields":[{"name":"id","type":"string"},\
            {"name":"title","type":"string","default":""}]}""";
    static final String V2_INCOMPATIBLE = """
            {"type":"record","name":"Doc","namespace":"nl.test","fields":[{"name":"id","type":"string"},\
            {"name":"pages","type":"int"}]}""";

    private static SchemaRegistryServer registry;
    private static CcompatClient client;

    @BeforeAll
    static void start() {
        registry = SchemaRegistryServer.builder().build().start();
        client = new CcompatClient(registry.url());
    }

    @AfterAll
    static void stop() {
        registry.close();
    }

    @Test
    void globalCompatibilityIsBackward() throws Exception {
        assertThat(client.get("/config").body()).isEqualTo("{\"compatibilityLevel\":\"BACKWARD\"}");
    }

    @Test
    void registeringIsIdempotentAndIdsAreGlobal() throws Exception {
        HttpResponse<String> first = client.register("idempotent-value", V1);
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.body()).matches("\\{\"id\":\\d+}");
        assertThat(client.register("idempotent-value", V1).body()).isEqualTo(first.body());
        assertThat(client.register("idempotent-value", V1_REFORMATTED).body()).isEqualTo(first.body());
        // The same schema under another subject keeps its id, as in Confluent's registry.
        assertThat(client.register("idempotent-other-value", V1).body()).isEqualTo(first.body());

        String id = first.body().replaceAll("\\D", "");
        HttpResponse<String> byId = client.get("/schemas/ids/" + id);
        assertThat(byId.statusCode()).isEqualTo(200);
        assertThat(byId.body()).startsWith("{\"schema\":").contains("nl.test");
    }

    @Test
    void lookupAndLatestAnswerWithSubjectVersionIdAndSchema() throws Exception {
        String id = client.register("lookup-value", V1).body().replaceAll("\\D", "");
        HttpResponse<String> lookedUp = client.lookup("lookup-value", V1_REFORMATTED);
        assertThat(lookedUp.statusCode()).isEqualTo(200);
        assertThat(lookedUp.body()).contains("\"subject\":\"lookup-value\"", "\"version\":1", "\"id\":" + id, "\"schema\":");

        assertThat(client.register("lookup-value", V2_COMPATIBLE).statusCode()).isEqualTo(200);
        assertThat(client.get("/subjects/lookup-value/versions/latest").body()).contains("\"version\":2", "title");
    }

    @Test
    void incompatibleSchemasAreRejectedWith409() throws Exception {
        client.register("compat-value", V1);
        HttpResponse<String> rejected = client.register("compat-value", V2_INCOMPATIBLE);
        assertThat(rejected.statusCode()).isEqualTo(409);
        assertThat(rejected.body()).contains("\"error_code\":409");
    }

    @Test
    void unknownThingsAnswer404WithConfluentErrorCodes() throws Exception {
        assertThat(client.get("/schemas/ids/999999")).satisfies(r -> {
            assertThat(r.statusCode()).isEqualTo(404);
            assertThat(r.body()).contains("\"error_code\":40403");
        });
        assertThat(client.get("/subjects/no-such-subject/versions/latest")).satisfies(r -> {
            assertThat(r.statusCode()).isEqualTo(404);
            assertThat(r.body()).contains("\"error_code\":40401");
        });
        assertThat(client.lookup("no-such-subject", V1)).satisfies(r -> {
            assertThat(r.statusCode()).isEqualTo(404);
            assertThat(r.body()).contains("\"error_code\":40401");
        });
        client.register("known-value", V1);
        assertThat(client.lookup("known-value", V2_COMPATIBLE)).satisfies(r -> {
            assertThat(r.statusCode()).isEqualTo(404);
            assertThat(r.body()).contains("\"error_code\":40403");
        });
    }
}
