package nl.kamerstroom.enrich.topology;

import nl.kamerstroom.schema.EnrichedDocument;

/**
 * An enriched document together with its serialised form, as it passes from the enrich
 * processor to the sink (which writes {@code bytes}) and to the entity bookkeeping (which reads
 * {@code document}). Never leaves the task, so it needs no serde.
 */
record EnrichedOutput(EnrichedDocument document, byte[] bytes) {
}
