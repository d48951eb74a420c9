package nl.kamerstroom.serde;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericContainer;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Writes Avro records (specific or generic) in the Confluent wire format, registering or
 * looking up the schema under the TopicNameStrategy subject.
 */
public class AvroSerializer<T extends GenericContainer> implements Serializer<T> {

    private static final int INITIAL_BUFFER = 256;

    /**
     * A writer per schema, with the size of the last record it wrote: documents of tens of KB
     * and mention records of a hundred bytes share one serializer class, and sizing the buffer
     * from the last record avoids both regrowth and large idle allocations.
     */
    private record SchemaWriter(DatumWriter<Object> writer, AtomicInteger lastSize) {}

    private final Map<Schema, SchemaWriter> writers = new ConcurrentHashMap<>();
    private AvroSerdeConfig config;
    private SchemaRegistryClient registry;
    private boolean isKey;

    public AvroSerializer() {
    }

    /** A serializer ready to use, without {@link #configure}. */
    public AvroSerializer(AvroSerdeConfig config, boolean isKey) {
        init(config, isKey);
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        init(AvroSerdeConfig.from(configs), isKey);
    }

    private void init(AvroSerdeConfig config, boolean isKey) {
        this.config = config;
        this.isKey = isKey;
        this.registry = SchemaRegistryClients.forUrl(config.registryUrl());
    }

    @Override
    public byte[] serialize(String topic, T data) {
        if (data == null) {
            return null;
        }
        if (registry == null) {
            throw new IllegalStateException("AvroSerializer used before configure()");
        }
        String subject = AvroSerdeConfig.subject(topic, isKey);
        Schema schema = data.getSchema();
        int id;
        if (config.useLatestVersion()) {
            SchemaRegistryClient.RegisteredSchema latest = registry.latest(subject);
            id = latest.id();
            schema = latest.schema();
        } else if (config.autoRegisterSchemas()) {
            id = registry.register(subject, schema);
        } else {
            id = registry.idOf(subject, schema);
        }
        return write(id, schema, data);
    }

    private byte[] write(int id, Schema schema, T data) {
        SchemaWriter schemaWriter = writers.computeIfAbsent(schema,
                s -> new SchemaWriter(writerFor(s, data), new AtomicInteger(INITIAL_BUFFER)));
        ByteArrayOutputStream out = new ByteArrayOutputStream(schemaWriter.lastSize().get() + 64);
        out.write(WireFormat.MAGIC_BYTE);
        out.write(id >>> 24);
        out.write(id >>> 16);
        out.write(id >>> 8);
        out.write(id);
        try {
            BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
            schemaWriter.writer().write(data, encoder);
            encoder.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            throw new SerializationException("Could not write " + schema.getFullName() + " as Avro: " + e.getMessage(), e);
        }
        schemaWriter.lastSize().set(out.size());
        return out.toByteArray();
    }

    @SuppressWarnings("unchecked")
    private static DatumWriter<Object> writerFor(Schema schema, GenericContainer sample) {
        if (sample instanceof SpecificRecord) {
            return new SpecificDatumWriter<>(schema, SpecificData.getForClass(sample.getClass()));
        }
        return (DatumWriter<Object>) (DatumWriter<?>) new GenericDatumWriter<>(schema, GenericData.get());
    }
}
