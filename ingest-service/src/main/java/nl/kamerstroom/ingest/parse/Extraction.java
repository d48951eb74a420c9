package nl.kamerstroom.ingest.parse;

import java.time.Instant;
import java.util.Map;

/**
 * What Tika found in one file.
 *
 * @param contentType the detected media type without parameters (the charset is in metadata)
 * @param truncated   the file held more text than the limit; {@code text} is its beginning
 * @param language    ISO 639-1 code, or null when the text is too short or mixed to tell
 * @param metadata    the remaining parser metadata, one value per key, values shortened
 */
public record Extraction(String text, boolean truncated, String contentType, String title, String author,
                         Instant created, Instant modified, Integer pageCount, String language, boolean ocrUsed,
                         Map<String, String> metadata) {

    public Extraction {
        metadata = Map.copyOf(metadata);
    }
}
