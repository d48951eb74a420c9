package nl.kamerstroom.ingest.publish;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import nl.kamerstroom.ingest.inbox.ErrorReport;
import nl.kamerstroom.ingest.inbox.InboxFile;
import nl.kamerstroom.ingest.parse.Extraction;
import nl.kamerstroom.schema.FailedDocument;
import nl.kamerstroom.schema.IngestedDocument;
import nl.kamerstroom.topic.Topics;

/** Builds the events of ingest-service from what the inbox and the parser found. */
public final class DocumentEvents {

    /**
     * The producer refuses a record whose uncompressed size exceeds max.request.size (16 MiB), even
     * though zstd would shrink it 4x. Text is cut to 15 MiB of UTF-8 so the rest of the event
     * always fits; Dutch text is ~1 byte per char, so this bites only above MAX_TEXT_CHARS of
     * mostly non-Latin script.
     */
    static final int MAX_TEXT_BYTES = Topics.MAX_MESSAGE_BYTES - (1 << 20);

    private final String instance;
    private final Clock clock;

    public DocumentEvents(String instance, Clock clock) {
        this.instance = instance;
        this.clock = clock;
    }

    public IngestedDocument ingested(InboxFile file, String id, Extraction extraction, long extractionMillis) {
        String text = fitToBudget(extraction.text());
        return base(file, id, extraction.contentType())
                .setTitle(extraction.title())
                .setAuthor(extraction.author())
                .setCreated(extraction.created())
                .setModified(extraction.modified())
                .setPageCount(extraction.pageCount())
                .setLanguage(extraction.language())
                .setText(text)
                .setTextLength(text.length())
                .setTextTruncated(extraction.truncated() || text.length() < extraction.text().length())
                .setOcrUsed(extraction.ocrUsed())
                .setExtractionMillis(extractionMillis)
                .setMetadata(extraction.metadata())
                .build();
    }

    /** The same bytes again: recorded, not parsed; consumers drop it by id. */
    public IngestedDocument duplicate(InboxFile file, String id, String contentType) {
        return base(file, id, contentType).setText("").setTextLength(0).setDuplicate(true).build();
    }

    public FailedDocument failed(ErrorReport report, Path failedPath) {
        return FailedDocument.newBuilder()
                .setFileName(report.fileName())
                .setRelativePath(report.relativePath())
                .setFailedPath(failedPath == null ? null : failedPath.toString())
                .setSizeBytes(report.sizeBytes())
                .setSha256(report.sha256())
                .setStage(report.stage())
                .setReason(report.reason())
                .setErrorClass(report.errorClass())
                .setErrorMessage(report.errorMessage())
                .setFailedAt(report.failedAt())
                .setInstance(report.instance())
                .build();
    }

    private IngestedDocument.Builder base(InboxFile file, String id, String contentType) {
        return IngestedDocument.newBuilder()
                .setId(id)
                .setFileName(file.fileName())
                .setRelativePath(file.relativePath())
                .setContentType(contentType)
                .setSizeBytes(file.size())
                .setIngestedAt(clock.instant())
                .setIngestInstance(instance)
                .setMetadata(Map.of());
    }

    /** The text, cut at a character boundary when its UTF-8 form would not fit in the event. */
    static String fitToBudget(String text) {
        if (text.length() <= MAX_TEXT_BYTES / 3) {
            return text; // at most 3 bytes per char: fits whatever the script
        }
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        if (utf8.length <= MAX_TEXT_BYTES) {
            return text;
        }
        int end = MAX_TEXT_BYTES;
        while (end > 0 && (utf8[end] & 0xC0) == 0x80) {
            end--; // back to the first byte of a character
        }
        return new String(utf8, 0, end, StandardCharsets.UTF_8);
    }
}
