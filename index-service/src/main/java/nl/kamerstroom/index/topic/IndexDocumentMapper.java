package nl.kamerstroom.index.topic;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import nl.kamerstroom.schema.DocumentMetadata;
import nl.kamerstroom.schema.EnrichedDocument;
import nl.kamerstroom.schema.IndexDocument;
import nl.kamerstroom.schema.IngestedDocument;

/**
 * Flattens an enriched document into the record a search store wants. Where the file and its
 * text disagree, the text wins: what a document states about itself is what a reader sees on its
 * first page, while a file's metadata often holds a template's or a section's title ("4.2
 * Oekraïne", "36.307") and the day the file was converted. So the title is the one the text
 * states, else the file's own title, else the file name; the date the text states (letter date,
 * meeting date), else the day the file was created. Chamber and public document id come from the
 * text only.
 */
public final class IndexDocumentMapper {

    /** Dutch government documents are dated in Dutch time: a file created 23:30 UTC in summer is dated the next day. */
    static final ZoneId DOCUMENT_ZONE = ZoneId.of("Europe/Amsterdam");

    private final Clock clock;

    public IndexDocumentMapper(Clock clock) {
        this.clock = clock;
    }

    /** The index record of {@code enriched}; a null (tombstone) stays null, so deletions flow through. */
    public IndexDocument map(EnrichedDocument enriched) {
        if (enriched == null) {
            return null;
        }
        IngestedDocument doc = enriched.getDocument();
        DocumentMetadata fromText = enriched.getTextMetadata();
        return IndexDocument.newBuilder()
                .setId(doc.getId())
                .setFileName(doc.getFileName())
                .setRelativePath(doc.getRelativePath())
                .setTitle(firstNonBlank(fromText.getTitle(), doc.getTitle(), doc.getFileName()))
                .setDate(date(doc, fromText))
                .setDocumentType(fromText.getDocumentType())
                .setLanguage(doc.getLanguage())
                .setContentType(doc.getContentType())
                .setSizeBytes(doc.getSizeBytes())
                .setPageCount(doc.getPageCount())
                .setAuthor(doc.getAuthor())
                .setSender(fromText.getSender())
                .setKamerstuk(fromText.getKamerstuk())
                .setText(doc.getText())
                .setTextTruncated(doc.getTextTruncated())
                .setOcrUsed(doc.getOcrUsed())
                .setEntities(enriched.getEntities())
                .setSummary(enriched.getSummary())
                .setIngestedAt(doc.getIngestedAt())
                .setIndexedAt(clock.instant())
                .setExtractorVersion(enriched.getExtractorVersion())
                .setChamber(fromText.getChamber())
                .setDocumentId(fromText.getDocumentId())
                .build();
    }

    private static LocalDate date(IngestedDocument doc, DocumentMetadata fromText) {
        if (fromText.getDate() != null) {
            return fromText.getDate();
        }
        return doc.getCreated() == null ? null : LocalDate.ofInstant(doc.getCreated(), DOCUMENT_ZONE);
    }

    private static String firstNonBlank(String... candidates) {
        for (String candidate : candidates) {
            if (candidate != null && !candidate.isBlank()) {
                return candidate.strip();
            }
        }
        return null;
    }
}
