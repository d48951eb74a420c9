package nl.kamerstroom.serde;

import org.apache.avro.Schema;

/**
 * The part of the Confluent Schema Registry API the serdes need. Implementations cache every
 * answer: a schema or id is fetched once per process, never once per record.
 */
public interface SchemaRegistryClient {

    /** A schema as registered under a subject. */
    record RegisteredSchema(String subject, int id, int version, Schema schema) {}

    /** Registers {@code schema} under {@code subject} (a no-op if present) and returns its id. */
    int register(String subject, Schema schema);

    /** The id of {@code schema} under {@code subject}, without registering it. */
    int idOf(String subject, Schema schema);

    /** The latest version registered under {@code subject}. */
    RegisteredSchema latest(String subject);

    /** The schema with the given global id. */
    Schema schemaById(int id);
}
