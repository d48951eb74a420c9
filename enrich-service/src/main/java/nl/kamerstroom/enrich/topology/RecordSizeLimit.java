package nl.kamerstroom.enrich.topology;

import java.util.Map;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * A serde whose serializer refuses values larger than the producer will send.
 *
 * <p>Why at serialisation: under exactly-once, a record the producer rejects as too large puts
 * the Kafka 4.1 transactional producer into an abortable error, whatever the production
 * exception handler answers. The transaction aborts, the task reprocesses the same document,
 * and the stream is stuck on it. A serialisation error instead reaches the handler before the
 * producer sees the record, so the document goes to the dead-letter topic and the transaction
 * carries on.
 */
final class RecordSizeLimit<T> implements Serde<T> {

    /** Room for the key, headers and record framing within the producer's max.request.size. */
    static final int OVERHEAD_ALLOWANCE = 16 * 1024;

    private final Serde<T> inner;
    private final int maxValueBytes;

    RecordSizeLimit(Serde<T> inner, int maxRecordBytes) {
        this.inner = inner;
        this.maxValueBytes = maxRecordBytes - OVERHEAD_ALLOWANCE;
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        inner.configure(configs, isKey);
    }

    @Override
    public Serializer<T> serializer() {
        Serializer<T> serializer = inner.serializer();
        return new Serializer<>() {
            @Override
            public byte[] serialize(String topic, T data) {
                return checked(topic, serializer.serialize(topic, data));
            }

            @Override
            public byte[] serialize(String topic, Headers headers, T data) {
                return checked(topic, serializer.serialize(topic, headers, data));
            }
        };
    }

    @Override
    public Deserializer<T> deserializer() {
        return inner.deserializer();
    }

    private byte[] checked(String topic, byte[] bytes) {
        if (bytes != null && bytes.length > maxValueBytes) {
            throw new RecordTooLargeException("The record for " + topic + " is " + bytes.length
                    + " bytes serialised, more than the " + maxValueBytes + " bytes a value may have (MAX_RECORD_BYTES "
                    + (maxValueBytes + OVERHEAD_ALLOWANCE) + " less " + OVERHEAD_ALLOWANCE + " for key and headers)");
        }
        return bytes;
    }
}
