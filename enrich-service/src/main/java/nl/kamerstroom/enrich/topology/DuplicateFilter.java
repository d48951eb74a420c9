package nl.kamerstroom.enrich.topology;

import nl.kamerstroom.enrich.metrics.EnrichMetrics;
import nl.kamerstroom.schema.IngestedDocument;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Lets a document through only when its id is not in the store of enriched ids. The id is
 * stored later, by {@link SeenIdRecorder}, once the document is enriched: a document whose
 * extraction failed is not remembered, so it can be replayed from the dead-letter topic once
 * the cause is fixed. The {@code duplicate} flag of ingest is not trusted on its own: a
 * document flagged duplicate whose first copy never reached us is still enriched.
 */
final class DuplicateFilter implements FixedKeyProcessor<String, IngestedDocument, IngestedDocument> {

    private final String storeName;
    private final EnrichMetrics metrics;
    private FixedKeyProcessorContext<String, IngestedDocument> context;
    private KeyValueStore<String, Long> seen;

    DuplicateFilter(String storeName, EnrichMetrics metrics) {
        this.storeName = storeName;
        this.metrics = metrics;
    }

    @Override
    public void init(FixedKeyProcessorContext<String, IngestedDocument> context) {
        this.context = context;
        this.seen = context.getStateStore(storeName);
    }

    @Override
    public void process(FixedKeyRecord<String, IngestedDocument> record) {
        if (seen.get(record.value().getId()) != null) {
            metrics.duplicate();
            return;
        }
        context.forward(record);
    }
}
