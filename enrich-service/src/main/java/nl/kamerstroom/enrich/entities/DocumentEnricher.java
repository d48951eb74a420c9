package nl.kamerstroom.enrich.entities;

import java.time.Instant;
import nl.kamerstroom.extraction.Extraction;
import nl.kamerstroom.schema.EnrichedDocument;
import nl.kamerstroom.schema.Entities;
import nl.kamerstroom.schema.IngestedDocument;

/**
 * Puts an ingested document and what was extracted from its text together into the enriched
 * event, stamped with the version of the extraction rules. Amounts that decimal(24,2) cannot
 * hold are left out ({@link EntityMapper#entities}), never the document.
 */
public final class DocumentEnricher {

    private DocumentEnricher() {
    }

    /**
     * @param enrichedAt       when the enrichment happened (from the injected clock)
     * @param extractionMicros how long extraction took, for the record and for tuning
     */
    public static EnrichedDocument enrich(IngestedDocument document, Extraction extraction, Instant enrichedAt,
                                          long extractionMicros) {
        Entities entities = EntityMapper.entities(extraction);
        return EnrichedDocument.newBuilder()
                .setDocument(document)
                .setTextMetadata(EntityMapper.metadata(extraction.metadata()))
                .setEntities(entities)
                .setSummary(SummaryBuilder.summarise(entities, document.getText()))
                .setEnrichedAt(enrichedAt)
                .setExtractionMicros(extractionMicros)
                .setExtractorVersion(ExtractorVersion.CURRENT)
                .build();
    }
}
