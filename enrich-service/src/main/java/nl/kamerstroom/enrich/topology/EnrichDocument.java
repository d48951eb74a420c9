package nl.kamerstroom.enrich.topology;

import java.time.Clock;
import java.time.Duration;
import nl.kamerstroom.enrich.entities.DocumentEnricher;
import nl.kamerstroom.enrich.metrics.EnrichMetrics;
import nl.kamerstroom.extraction.Extraction;
import nl.kamerstroom.schema.EnrichedDocument;
import nl.kamerstroom.schema.IngestedDocument;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;

/**
 * Decides each document's fate before anything about it is emitted:
 * <ul>
 * <li>a tombstone (null value) is a deleted document and passes on as a tombstone;</li>
 * <li>a document flagged {@code duplicate} (a second copy of bytes already ingested, sent
 *     without its text) is skipped and counted: it must never replace or pre-empt the original;</li>
 * <li>any other document is enriched, serialised and size-checked here. Whatever fails
 *     (extractor, serializer, registry, size) throws before the document is forwarded, so the
 *     processing exception handler sends only the dead letter: no mentions, no count change.</li>
 * </ul>
 * A document seen before is enriched again: the new version replaces the old one downstream
 * (everything is keyed by document id), which is what reprocessing and dead-letter replay need.
 */
final class EnrichDocument implements FixedKeyProcessor<String, IngestedDocument, EnrichedOutput> {

    private final TextExtractor extractor;
    private final EnrichedEncoder encoder;
    private final Clock clock;
    private final EnrichMetrics metrics;
    private FixedKeyProcessorContext<String, EnrichedOutput> context;

    EnrichDocument(TextExtractor extractor, EnrichedEncoder encoder, Clock clock, EnrichMetrics metrics) {
        this.extractor = extractor;
        this.encoder = encoder;
        this.clock = clock;
        this.metrics = metrics;
    }

    @Override
    public void init(FixedKeyProcessorContext<String, EnrichedOutput> context) {
        this.context = context;
    }

    @Override
    public void process(FixedKeyRecord<String, IngestedDocument> record) {
        IngestedDocument document = record.value();
        if (document == null) {
            metrics.deleted();
            context.forward(record.withValue(null));
            return;
        }
        if (document.getDuplicate()) {
            metrics.duplicate();
            return;
        }
        long started = System.nanoTime();
        Extraction extraction = extractor.extract(document.getText());
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        EnrichedDocument enriched = DocumentEnricher.enrich(document, extraction, clock.instant(), took.toNanos() / 1_000);
        byte[] bytes = encoder.encode(enriched);
        metrics.enriched(took);
        metrics.amountsDropped(extraction.amounts().size() - enriched.getEntities().getAmounts().size());
        context.forward(record.withValue(new EnrichedOutput(enriched, bytes)));
    }
}
