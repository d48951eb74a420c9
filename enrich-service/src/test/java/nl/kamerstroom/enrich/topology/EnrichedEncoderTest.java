package nl.kamerstroom.enrich.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import nl.kamerstroom.schema.EnrichedDocument;
import nl.kamerstroom.serde.SchemaRegistryException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;
import org.junit.jupiter.api.Test;

/** Every way encoding can fail says, by its exception class, whether the document or the world is at fault. */
class EnrichedEncoderTest {

    private static final int LIMIT = 64 * 1024;

    @Test
    void passesBytesWithinTheLimit() {
        byte[] bytes = new byte[LIMIT - EnrichedEncoder.OVERHEAD_ALLOWANCE];
        assertThat(encoder((topic, document) -> bytes).encode(null)).isSameAs(bytes);
    }

    @Test
    void refusesBytesOverTheLimit() {
        byte[] bytes = new byte[LIMIT - EnrichedEncoder.OVERHEAD_ALLOWANCE + 1];
        assertThatThrownBy(() -> encoder((topic, document) -> bytes).encode(null))
                .isInstanceOf(RecordTooLargeException.class).hasMessageContaining("MAX_RECORD_BYTES");
    }

    @Test
    void aDocumentTheSerializerCannotWriteIsASerializationError() {
        assertThatThrownBy(() -> encoder((topic, document) -> {
            throw new NullPointerException("null of string in field id");
        }).encode(null)).isInstanceOf(SerializationException.class).hasMessageContaining("null of string");
    }

    @Test
    void aRegistryThatRefusesTheSchemaIsTheDocumentsFault() {
        SchemaRegistryException incompatible = new SchemaRegistryException("incompatible", 409, 409, null);
        assertThatThrownBy(() -> encoder((topic, document) -> {
            throw incompatible;
        }).encode(null)).isSameAs(incompatible).isNotInstanceOf(RetriableException.class);
    }

    @Test
    void anUnreachableRegistryIsRetriedNotDeadLettered() {
        assertThatThrownBy(() -> encoder((topic, document) -> {
            throw new SchemaRegistryException("unreachable", 0, 0, null);
        }).encode(null)).isInstanceOf(RetriableException.class);
        assertThatThrownBy(() -> encoder((topic, document) -> {
            throw new SchemaRegistryException("unavailable", 503, 0, null);
        }).encode(null)).isInstanceOf(RetriableException.class);
    }

    private static EnrichedEncoder encoder(Serializer<EnrichedDocument> serializer) {
        return new EnrichedEncoder(serializer, "documents.enriched", LIMIT);
    }
}
