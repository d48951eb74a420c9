package nl.kamerstroom.enrich.topology;

import nl.kamerstroom.schema.EnrichedDocument;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Remembers the id of an enriched document (with the timestamp of its event), so that
 * {@link DuplicateFilter} drops it when it comes again. Store, changelog and output are
 * written in the same transaction, so a crash cannot remember an id whose output was lost.
 */
final class SeenIdRecorder implements FixedKeyProcessor<String, EnrichedDocument, EnrichedDocument> {

    private final String storeName;
    private FixedKeyProcessorContext<String, EnrichedDocument> context;
    private KeyValueStore<String, Long> seen;

    SeenIdRecorder(String storeName) {
        this.storeName = storeName;
    }

    @Override
    public void init(FixedKeyProcessorContext<String, EnrichedDocument> context) {
        this.context = context;
        this.seen = context.getStateStore(storeName);
    }

    @Override
    public void process(FixedKeyRecord<String, EnrichedDocument> record) {
        seen.put(record.value().getDocument().getId(), record.timestamp());
        context.forward(record);
    }
}
