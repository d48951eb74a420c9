package nl.kamerstroom.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.util.Map;
import java.util.UUID;
import nl.kamerstroom.schema.EnrichedDocument;
import nl.kamerstroom.schema.IngestedDocument;
import nl.kamerstroom.schema.SampleEvents;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AvroSerdeTest {

    private final String registryUrl = "mock://" + UUID.randomUUID();
    private final AvroSerdeConfig config = new AvroSerdeConfig(registryUrl, true, false);

    @AfterEach
    void dropRegistry() {
        SchemaRegistryClients.dropMockScope(registryUrl);
    }

    @Test
    void writesTheConfluentWireFormatAndReadsItBack() {
        EnrichedDocument event = SampleEvents.enriched();
        AvroSerde<EnrichedDocument> serde = new AvroSerde<>(EnrichedDocument.class, config, false);

        byte[] bytes = serde.serializer().serialize("documents.enriched", event);

        assertThat(bytes[0]).isEqualTo((byte) 0);
        int id = ByteBuffer.wrap(bytes, 1, 4).getInt();
        SchemaRegistryClient registry = SchemaRegistryClients.forUrl(registryUrl);
        assertThat(registry.latest("documents.enriched-value").id()).isEqualTo(id);
        assertThat(registry.schemaById(id)).isEqualTo(EnrichedDocument.getClassSchema());
        assertThat(serde.deserializer().deserialize("documents.enriched", bytes)).isEqualTo(event);
    }

    @Test
    void keysUseTheKeySubject() {
        new AvroSerializer<IngestedDocument>(config, true).serialize("t", SampleEvents.ingested());

        assertThat(SchemaRegistryClients.forUrl(registryUrl).latest("t-key").schema())
                .isEqualTo(IngestedDocument.getClassSchema());
    }

    @Test
    void readsGenericRecordsWithoutTheGeneratedClass() {
        byte[] bytes = new AvroSerializer<IngestedDocument>(config, false).serialize("t", SampleEvents.ingested());

        AvroDeserializer<GenericRecord> generic = new AvroDeserializer<>();
        generic.configure(config.asMap(), false);
        GenericRecord record = generic.deserialize("t", bytes);

        assertThat(record.get("fileName")).hasToString("kamerbrief.pdf");
        assertThat(record.getSchema().getFullName()).isEqualTo("nl.kamerstroom.schema.IngestedDocument");
    }

    @Test
    void refusesAnUnregisteredSchemaWhenAutoRegisterIsOff() {
        AvroSerializer<IngestedDocument> serializer = new AvroSerializer<>();
        serializer.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, registryUrl,
                AvroSerdeConfig.AUTO_REGISTER_SCHEMAS, "false"), false);

        assertThatThrownBy(() -> serializer.serialize("t", SampleEvents.ingested()))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("not registered under subject t-value");
    }

    @Test
    void rejectsBytesThatAreNotInTheWireFormat() {
        AvroDeserializer<IngestedDocument> deserializer = new AvroDeserializer<>(IngestedDocument.class, config);

        assertThatThrownBy(() -> deserializer.deserialize("t", "{\"json\":true}".getBytes()))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("not in the Confluent Avro wire format");
    }

    @Test
    void failsClearlyWhenTheRegistryIsDown() {
        AvroSerializer<IngestedDocument> serializer =
                new AvroSerializer<>(new AvroSerdeConfig("http://127.0.0.1:1", true, false), false);

        assertThatThrownBy(() -> serializer.serialize("t", SampleEvents.ingested()))
                .isInstanceOf(SchemaRegistryException.class)
                .hasMessageContaining("Schema registry at http://127.0.0.1:1 is unreachable");
    }

    @Test
    void nullIsATombstoneBothWays() {
        AvroSerde<IngestedDocument> serde = new AvroSerde<>(IngestedDocument.class, config, false);

        assertThat(serde.serializer().serialize("t", null)).isNull();
        assertThat(serde.deserializer().deserialize("t", null)).isNull();
    }
}
