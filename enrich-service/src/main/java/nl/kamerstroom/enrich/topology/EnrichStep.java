package nl.kamerstroom.enrich.topology;

import java.time.Clock;
import java.time.Duration;
import nl.kamerstroom.enrich.entities.DocumentEnricher;
import nl.kamerstroom.enrich.metrics.EnrichMetrics;
import nl.kamerstroom.extraction.Extraction;
import nl.kamerstroom.schema.EnrichedDocument;
import nl.kamerstroom.schema.IngestedDocument;
import org.apache.kafka.streams.kstream.ValueMapper;

/**
 * Runs the extractor on a document's text and builds the enriched event. Whatever the
 * extractor throws is left to the processing exception handler, which sends the document to
 * the dead-letter topic; there is no try/catch here on purpose.
 */
final class EnrichStep implements ValueMapper<IngestedDocument, EnrichedDocument> {

    private final TextExtractor extractor;
    private final Clock clock;
    private final EnrichMetrics metrics;

    EnrichStep(TextExtractor extractor, Clock clock, EnrichMetrics metrics) {
        this.extractor = extractor;
        this.clock = clock;
        this.metrics = metrics;
    }

    @Override
    public EnrichedDocument apply(IngestedDocument document) {
        long started = System.nanoTime();
        Extraction extraction = extractor.extract(document.getText());
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        metrics.enriched(took);
        return DocumentEnricher.enrich(document, extraction, clock.instant(), took.toNanos() / 1_000);
    }
}
