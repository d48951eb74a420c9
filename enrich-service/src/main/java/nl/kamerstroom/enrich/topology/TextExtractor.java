package nl.kamerstroom.enrich.topology;

import nl.kamerstroom.extraction.Extraction;

/**
 * Finds the entities in a document's text. In production the extraction library's
 * {@code EntityExtractor}; tests pass their own, e.g. one that fails on a marker.
 * Called from every stream thread at once, so implementations must be thread-safe.
 */
@FunctionalInterface
public interface TextExtractor {

    Extraction extract(String text);
}
