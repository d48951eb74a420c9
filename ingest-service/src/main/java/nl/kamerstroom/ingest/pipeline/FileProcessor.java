package nl.kamerstroom.ingest.pipeline;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import nl.kamerstroom.ingest.inbox.InboxFile;
import nl.kamerstroom.ingest.metrics.IngestMetrics;
import nl.kamerstroom.ingest.parse.Extraction;
import nl.kamerstroom.ingest.parse.ParseFailedException;
import nl.kamerstroom.ingest.parse.TimedParser;
import nl.kamerstroom.ingest.publish.DocumentEvents;
import nl.kamerstroom.ingest.publish.EventPublisher;
import nl.kamerstroom.ingest.publish.KnownIds;
import nl.kamerstroom.schema.IngestedDocument;
import org.apache.kafka.common.InvalidRecordException;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One claimed file from check to event: is it a regular, non-empty file within the size limit;
 * its id; seen before; text and metadata; send. Runs on a worker thread up to the send, and hands
 * the file to the {@link Finisher} on the finishing thread once the broker has answered, so
 * workers parse the next file while the previous one is in flight.
 */
final class FileProcessor {

    private static final Logger LOG = LoggerFactory.getLogger(FileProcessor.class);

    private final long maxFileSize;
    private final TimedParser parser;
    private final KnownIds knownIds;
    private final EventPublisher publisher;
    private final DocumentEvents events;
    private final Finisher finisher;
    private final Executor finishing;
    private final IngestMetrics metrics;

    FileProcessor(long maxFileSize, TimedParser parser, KnownIds knownIds, EventPublisher publisher,
                  DocumentEvents events, Finisher finisher, Executor finishing, IngestMetrics metrics) {
        this.maxFileSize = maxFileSize;
        this.parser = parser;
        this.knownIds = knownIds;
        this.publisher = publisher;
        this.events = events;
        this.finisher = finisher;
        this.finishing = finishing;
        this.metrics = metrics;
    }

    /** Completes when the file has left the claimed folder, or with KEPT when it stays for a retry. */
    CompletableFuture<FileOutcome> process(InboxFile file) {
        IngestedDocument event;
        try {
            event = prepare(file);
        } catch (Rejection rejection) {
            return CompletableFuture.supplyAsync(() -> finisher.rejected(file, rejection), finishing);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return CompletableFuture.completedFuture(FileOutcome.KEPT);
        }
        return publisher.publish(event).handleAsync((metadata, error) -> error == null
                ? finisher.acknowledged(file, event) : sendFailed(file, event, error), finishing);
    }

    private IngestedDocument prepare(InboxFile file) throws Rejection, InterruptedException {
        switch (file.kind()) {
            case SYMLINK -> throw new Rejection("claim", "Symbolic link: links are never followed, its target was "
                    + "not read. Drop the file itself", null, null);
            case OTHER -> throw new Rejection("claim", "Not a regular file (a device, pipe or socket)", null, null);
            case REGULAR -> { }
        }
        if (file.size() == 0) {
            throw new Rejection("read", "Empty file (0 bytes)", null, null);
        }
        if (file.size() > maxFileSize) {
            throw new Rejection("read", "File is " + file.size() + " bytes, over the MAX_FILE_SIZE limit of "
                    + maxFileSize + " bytes; it was not read", null, null);
        }
        String id;
        try {
            id = DocumentId.of(file.path());
        } catch (IOException e) {
            throw new Rejection("read", "Could not read the file: " + e, e, null);
        }
        if (!knownIds.reserve(id)) {
            return events.duplicate(file, id, contentType(file));
        }
        try {
            return extract(file, id);
        } catch (Rejection | InterruptedException | RuntimeException e) {
            knownIds.release(id);
            throw e;
        }
    }

    private IngestedDocument extract(InboxFile file, String id) throws Rejection, InterruptedException {
        long start = System.nanoTime();
        Extraction extraction;
        try {
            extraction = parser.parse(file.path());
        } catch (ParseFailedException e) {
            throw new Rejection("parse", e.getMessage(), e.getCause(), id);
        }
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        metrics.extraction(took);
        if (extraction.text().isBlank()) {
            throw new Rejection("parse", noTextReason(extraction), null, id);
        }
        return events.ingested(file, id, extraction, took.toMillis());
    }

    private static String noTextReason(Extraction extraction) {
        if ("application/octet-stream".equals(extraction.contentType())) {
            return "Unrecognised format: Tika found no known file type in these bytes";
        }
        return "No text found in this " + extraction.contentType() + " (a scan without a text layer needs OCR; "
                + "see the start-up log for whether Tesseract is installed)";
    }

    private FileOutcome sendFailed(InboxFile file, IngestedDocument event, Throwable error) {
        Throwable cause = error instanceof java.util.concurrent.CompletionException && error.getCause() != null
                ? error.getCause() : error;
        if (!event.getDuplicate()) {
            knownIds.release(event.getId());
        }
        if (permanent(cause)) {
            return finisher.rejected(file, new Rejection("produce", "The event could not be sent: " + cause,
                    cause, event.getId()));
        }
        metrics.retry();
        LOG.warn("Sending the event for {} failed ({}); the file stays claimed and is retried", file.relativePath(),
                cause.toString());
        return FileOutcome.KEPT;
    }

    /** Errors about this record itself; anything else (broker or registry away) is worth a retry. */
    private static boolean permanent(Throwable error) {
        return error instanceof RecordTooLargeException || error instanceof RecordBatchTooLargeException
                || error instanceof InvalidRecordException || error instanceof SerializationException;
    }

    private String contentType(InboxFile file) {
        try {
            return parser.extractor().detect(file.path());
        } catch (IOException e) {
            return "application/octet-stream";
        }
    }
}
