package nl.kamerstroom.serde;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads the Confluent wire format. With a target class, records are resolved from the
 * writer's schema (fetched once per id) to that class's schema, so old records stay
 * readable after a compatible change; without one, generic records in the writer's schema.
 */
public class AvroDeserializer<T> implements Deserializer<T> {

    private final Class<T> type;
    private final Map<Integer, DatumReader<T>> readers = new ConcurrentHashMap<>();
    private SchemaRegistryClient registry;

    /** A deserializer of generic records (configure before use). */
    public AvroDeserializer() {
        this(null);
    }

    /** A deserializer of {@code type} (a generated SpecificRecord class); configure before use. */
    public AvroDeserializer(Class<T> type) {
        this.type = type;
    }

    /** A deserializer of {@code type} ready to use. */
    public AvroDeserializer(Class<T> type, AvroSerdeConfig config) {
        this(type);
        this.registry = SchemaRegistryClients.forUrl(config.registryUrl());
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        registry = SchemaRegistryClients.forUrl(AvroSerdeConfig.from(configs).registryUrl());
    }

    @Override
    public T deserialize(String topic, byte[] data) {
        if (data == null) {
            return null;
        }
        if (registry == null) {
            throw new IllegalStateException("AvroDeserializer used before configure()");
        }
        if (data.length < WireFormat.HEADER_LENGTH || data[0] != WireFormat.MAGIC_BYTE) {
            throw new SerializationException("Record on " + topic + " is not in the Confluent Avro wire format "
                    + "(expected magic byte 0 and a 4-byte schema id; got " + data.length + " bytes"
                    + (data.length > 0 ? ", first byte " + data[0] : "") + ")");
        }
        int id = ByteBuffer.wrap(data, 1, 4).getInt();
        DatumReader<T> reader = readers.computeIfAbsent(id, this::readerFor);
        try {
            return reader.read(null, DecoderFactory.get().binaryDecoder(data, WireFormat.HEADER_LENGTH,
                    data.length - WireFormat.HEADER_LENGTH, null));
        } catch (IOException | RuntimeException e) {
            throw new SerializationException("Could not decode Avro record with schema id " + id + " on " + topic
                    + ": " + e.getMessage(), e);
        }
    }

    private DatumReader<T> readerFor(int id) {
        Schema writer = registry.schemaById(id);
        if (type == null) {
            return new GenericDatumReader<>(writer, writer, GenericData.get());
        }
        SpecificData model = SpecificData.getForClass(type);
        return new SpecificDatumReader<>(writer, model.getSchema(type), model);
    }
}
