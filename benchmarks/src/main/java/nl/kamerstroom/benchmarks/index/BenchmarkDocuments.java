package nl.kamerstroom.benchmarks.index;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.kamerstroom.benchmarks.Corpus;
import nl.kamerstroom.enrich.entities.DocumentEnricher;
import nl.kamerstroom.extraction.EntityExtractor;
import nl.kamerstroom.index.topic.IndexDocumentMapper;
import nl.kamerstroom.schema.EnrichedDocument;
import nl.kamerstroom.schema.IndexDocument;
import nl.kamerstroom.schema.IngestedDocument;

/**
 * ~20 KB index documents made from the sample corpus: document {@code i} is a 20,000-char window
 * of the joined corpus (a different start per document), created {@code i} hours after 2015-01-01
 * so dates and years spread. Entities come from a pool of {@value #ENTITY_POOL} real extractions
 * (document {@code i} carries extraction {@code i % pool}): extracting 100,000 texts would
 * measure the extractor, not the index. Documents are made on demand; 100,000 of them would
 * not fit the heap at once.
 */
final class BenchmarkDocuments {

    static final int DOCUMENT_CHARS = 20_000;
    static final int ENTITY_POOL = 500;
    private static final Instant FIRST_CREATED = Instant.parse("2015-01-01T09:00:00Z");

    private final String corpus;
    private final List<EnrichedDocument> pool = new ArrayList<>(ENTITY_POOL);
    private final IndexDocumentMapper mapper = new IndexDocumentMapper(Clock.systemUTC());

    BenchmarkDocuments(Corpus corpus) {
        String all = String.join("\n\n", corpus.texts());
        StringBuilder repeated = new StringBuilder(all);
        while (repeated.length() < 4 * DOCUMENT_CHARS) {
            repeated.append("\n\n").append(all);
        }
        this.corpus = repeated.toString();
        EntityExtractor extractor = EntityExtractor.create();
        for (int i = 0; i < ENTITY_POOL; i++) {
            IngestedDocument doc = ingested(i);
            pool.add(DocumentEnricher.enrich(doc, extractor.extract(doc.getText()), Instant.now(), 0));
        }
    }

    static String id(String prefix, int i) {
        return prefix + String.format("%060x", i);
    }

    /** Enriched document {@code i}, as enrich-service would publish it. */
    EnrichedDocument enriched(String idPrefix, int i) {
        EnrichedDocument entities = pool.get(i % ENTITY_POOL);
        IngestedDocument doc = ingested(i);
        doc.setId(id(idPrefix, i));
        doc.setFileName(doc.getId() + ".txt");
        doc.setRelativePath(doc.getFileName());
        return EnrichedDocument.newBuilder(entities).setDocument(doc).build();
    }

    /** Index document {@code i}, as the index topic carries it. */
    IndexDocument index(String idPrefix, int i) {
        return mapper.map(enriched(idPrefix, i));
    }

    private IngestedDocument ingested(int i) {
        int start = (int) ((long) i * 7_919 % (corpus.length() - DOCUMENT_CHARS));
        String text = corpus.substring(start, start + DOCUMENT_CHARS);
        return IngestedDocument.newBuilder().setId(id("pool-", i)).setFileName(i + ".txt").setRelativePath(i + ".txt")
                .setContentType("text/plain").setSizeBytes(text.length()).setText(text).setTextLength(text.length())
                .setCreated(FIRST_CREATED.plus(Duration.ofHours(i))).setLanguage("nl")
                .setIngestedAt(Instant.now()).setIngestInstance("bench").setMetadata(Map.of()).build();
    }
}
