package nl.kamerstroom.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Guards schema evolution: every event schema must stay BACKWARD compatible with its last
 * released version (new readers read old records), the rule the registry enforces too, and
 * FORWARD compatible (readers of the release read new records: a service upgraded before its
 * consumers must not break them). When a release ships, copy its schemas to
 * {@code released/VERSION/}.
 */
class SchemaEvolutionTest {

    private static final String RELEASED = "/released/0.1.0/";
    private static final List<Schema> EVENTS = List.of(IngestedDocument.getClassSchema(),
            FailedDocument.getClassSchema(), EnrichedDocument.getClassSchema(), IndexDocument.getClassSchema(),
            EntityMentions.getClassSchema(), EntityCount.getClassSchema());

    @TestFactory
    Stream<DynamicTest> everyEventReadsItsReleasedVersion() {
        return EVENTS.stream().map(current -> DynamicTest.dynamicTest(current.getName(), () -> {
            Schema released = released(current.getName());
            var result = SchemaCompatibility.checkReaderWriterCompatibility(current, released).getResult();
            assertThat(result.getCompatibility())
                    .as("%s is not backward compatible with release 0.1.0: %s", current.getName(),
                            result.getIncompatibilities())
                    .isEqualTo(SchemaCompatibilityType.COMPATIBLE);
        }));
    }

    @TestFactory
    Stream<DynamicTest> theReleasedVersionOfEveryEventReadsItsCurrentVersion() {
        return EVENTS.stream().map(current -> DynamicTest.dynamicTest(current.getName(), () -> {
            var result = SchemaCompatibility.checkReaderWriterCompatibility(released(current.getName()), current)
                    .getResult();
            assertThat(result.getCompatibility())
                    .as("%s of release 0.1.0 cannot read the current version: %s", current.getName(),
                            result.getIncompatibilities())
                    .isEqualTo(SchemaCompatibilityType.COMPATIBLE);
        }));
    }

    @Test
    void aRequiredFieldWithoutDefaultIsCaught() throws IOException {
        String json = IngestedDocument.getClassSchema().toString()
                .replaceFirst("\"fields\":\\[", "\"fields\":[{\"name\":\"classification\",\"type\":\"string\"},");
        Schema incompatible = new Schema.Parser().parse(json);

        var result = SchemaCompatibility.checkReaderWriterCompatibility(incompatible,
                released("IngestedDocument")).getResult();

        assertThat(result.getCompatibility()).isEqualTo(SchemaCompatibilityType.INCOMPATIBLE);
    }

    @Test
    void aFieldWithADefaultIsAllowed() throws IOException {
        String json = IngestedDocument.getClassSchema().toString()
                .replaceFirst("\"fields\":\\[",
                        "\"fields\":[{\"name\":\"classification\",\"type\":\"string\",\"default\":\"open\"},");

        var result = SchemaCompatibility.checkReaderWriterCompatibility(new Schema.Parser().parse(json),
                released("IngestedDocument")).getResult();

        assertThat(result.getCompatibility()).isEqualTo(SchemaCompatibilityType.COMPATIBLE);
    }

    private static Schema released(String name) throws IOException {
        try (InputStream in = SchemaEvolutionTest.class.getResourceAsStream(RELEASED + name + ".avsc")) {
            assertThat(in).as("released schema %s", name).isNotNull();
            return new Schema.Parser().parse(in);
        }
    }
}
