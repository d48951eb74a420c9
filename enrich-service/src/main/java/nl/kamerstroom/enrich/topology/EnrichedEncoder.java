package nl.kamerstroom.enrich.topology;

import nl.kamerstroom.schema.EnrichedDocument;
import nl.kamerstroom.serde.SchemaRegistryException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Serialises an enriched document inside the enrich processor, before anything about the
 * document is emitted, and refuses one larger than the producer will send. The sink then
 * writes these bytes as they are.
 *
 * <p>Why here and not in the sink's serializer: a document either goes through completely or
 * not at all. A failure at the sink would come after the document's mentions and count
 * changes were already forwarded; a failure here comes before, so the processing exception
 * handler sends only the dead letter. It also keeps the producer from ever seeing an
 * oversized record: under exactly-once, a record the Kafka 4.1 producer rejects as too large
 * aborts the whole transaction, whatever the production exception handler answers.
 */
final class EnrichedEncoder {

    /** Room for the key, headers and record framing within the producer's max.request.size. */
    static final int OVERHEAD_ALLOWANCE = 16 * 1024;

    private final Serializer<EnrichedDocument> serializer;
    private final String topic;
    private final int maxValueBytes;

    EnrichedEncoder(Serializer<EnrichedDocument> serializer, String topic, int maxRecordBytes) {
        this.serializer = serializer;
        this.topic = topic;
        this.maxValueBytes = maxRecordBytes - OVERHEAD_ALLOWANCE;
    }

    /**
     * The document's bytes in the Confluent wire format.
     *
     * @throws RecordTooLargeException   larger than MAX_RECORD_BYTES allows (dead letter, stage produce)
     * @throws SerializationException    not serialisable (dead letter, stage serialize)
     * @throws RegistryUnavailableException the registry cannot be reached: not the document's
     *                                   fault, so it is retried rather than dead-lettered
     */
    byte[] encode(EnrichedDocument document) {
        byte[] bytes;
        try {
            bytes = serializer.serialize(topic, document);
        } catch (SchemaRegistryException e) {
            if (e.status() == 0 || e.status() >= 500) {
                throw new RegistryUnavailableException(e);
            }
            throw e;
        } catch (SerializationException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new SerializationException("Could not serialise the enriched document for " + topic + ": "
                    + e.getMessage(), e);
        }
        if (bytes.length > maxValueBytes) {
            throw new RecordTooLargeException("The record for " + topic + " is " + bytes.length
                    + " bytes serialised, more than the " + maxValueBytes + " bytes a value may have (MAX_RECORD_BYTES "
                    + (maxValueBytes + OVERHEAD_ALLOWANCE) + " less " + OVERHEAD_ALLOWANCE + " for key and headers)");
        }
        return bytes;
    }

    /** The schema registry is unreachable or failing; the document is fine and is retried. */
    static final class RegistryUnavailableException extends RetriableException {
        RegistryUnavailableException(SchemaRegistryException cause) {
            super(cause.getMessage(), cause);
        }
    }
}
