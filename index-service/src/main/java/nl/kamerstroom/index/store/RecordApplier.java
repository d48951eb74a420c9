package nl.kamerstroom.index.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import nl.kamerstroom.common.deadletter.DeadLetter;
import nl.kamerstroom.schema.IndexDocument;
import nl.kamerstroom.serde.SchemaRegistryException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies one record of documents.index to the index: an upsert, a delete for a tombstone, or,
 * for a record that cannot be indexed (no key, bytes that are not an {@code IndexDocument}, a
 * document Lucene refuses), a dead letter. A failure that is not the record's fault is not
 * dead-lettered: the registry or the dead-letter topic away means "try again later", the index
 * itself broken (disk full) is thrown.
 */
final class RecordApplier {

    /** What became of a record. */
    enum Outcome { INDEXED, DEAD_LETTERED, RETRY_LATER }

    /** Logged as the feeder, whose lines these are. */
    private static final Logger LOG = LoggerFactory.getLogger(IndexFeeder.class);

    private final Deserializer<IndexDocument> documents;
    private final SearchIndex index;
    private final StoreDeadLetters deadLetters;
    private final StoreMetrics metrics;

    RecordApplier(Deserializer<IndexDocument> documents, SearchIndex index, StoreDeadLetters deadLetters,
                  StoreMetrics metrics) {
        this.documents = documents;
        this.index = index;
        this.deadLetters = deadLetters;
        this.metrics = metrics;
    }

    Outcome apply(ConsumerRecord<byte[], byte[]> record) throws IOException {
        String stage = DeadLetter.DESERIALIZE;
        try {
            String id = documentId(record.key());
            IndexDocument doc = documents.deserialize(record.topic(), record.headers(), record.value());
            stage = DeadLetter.INDEX;
            if (doc == null) {
                index.delete(id);
                metrics.deletes.increment();
            } else {
                index.upsert(id, doc);
                metrics.upserts.increment();
            }
            return Outcome.INDEXED;
        } catch (RuntimeException e) {
            if (SchemaRegistryException.isUnavailable(e)) {
                LOG.warn("Cannot decode {}-{}@{} now, retrying: {}", record.topic(), record.partition(),
                        record.offset(), e.getMessage());
                return Outcome.RETRY_LATER;
            }
            if (index.broken()) {
                throw e;
            }
            DeadLetter letter = new DeadLetter(stage, record.topic(), record.partition(), record.offset(), null, null,
                    record.key(), record.value(), record.headers(), e);
            return deadLetters.send(letter) ? Outcome.DEAD_LETTERED : Outcome.RETRY_LATER;
        }
    }

    private static String documentId(byte[] key) {
        if (key == null || key.length == 0) {
            throw new IllegalArgumentException("Record has no key; documents.index is keyed by document id");
        }
        return new String(key, StandardCharsets.UTF_8);
    }
}
