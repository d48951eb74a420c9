package nl.kamerstroom.ingest.pipeline;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import nl.kamerstroom.ingest.inbox.InboxFile;
import nl.kamerstroom.ingest.metrics.IngestMetrics;
import nl.kamerstroom.ingest.parse.Extraction;
import nl.kamerstroom.ingest.parse.ParseFailedException;
import nl.kamerstroom.ingest.parse.TimedParser;
import nl.kamerstroom.ingest.pipeline.Originals.Outcome;
import nl.kamerstroom.ingest.pipeline.Originals.Role;
import nl.kamerstroom.ingest.publish.DocumentEvents;
import nl.kamerstroom.ingest.publish.EventPublisher;
import nl.kamerstroom.schema.IngestedDocument;
import nl.kamerstroom.serde.SchemaRegistryException;
import org.apache.kafka.common.InvalidRecordException;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One claimed file from check to event: is it a regular, non-empty file within the size limit;
 * read it once for its id; an original, a copy of a known document, or a copy of one in flight
 * ({@link Originals}); text and metadata; send. Runs on a worker thread up to the send, and hands
 * the file to the {@link Finisher} on the finishing thread once the broker has answered, so
 * workers parse the next file while the previous one is in flight. A copy of a document in
 * flight holds no thread while it waits for its original.
 */
final class FileProcessor {

    private static final Logger LOG = LoggerFactory.getLogger(FileProcessor.class);

    private final long maxFileSize;
    private final TimedParser parser;
    private final Originals originals;
    private final EventPublisher publisher;
    private final DocumentEvents events;
    private final Finisher finisher;
    private final Executor finishing;
    private final IngestMetrics metrics;

    FileProcessor(long maxFileSize, TimedParser parser, Originals originals, EventPublisher publisher,
                  DocumentEvents events, Finisher finisher, Executor finishing, IngestMetrics metrics) {
        this.maxFileSize = maxFileSize;
        this.parser = parser;
        this.originals = originals;
        this.publisher = publisher;
        this.events = events;
        this.finisher = finisher;
        this.finishing = finishing;
        this.metrics = metrics;
    }

    /** Completes when the file has left the claimed folder, or with KEPT when it stays for a retry. */
    CompletableFuture<FileOutcome> process(InboxFile file) {
        ReadFile read;
        try {
            read = read(file);
        } catch (Rejection rejection) {
            return CompletableFuture.supplyAsync(() -> finisher.rejected(file, rejection), finishing);
        }
        String id = read.id();
        return switch (originals.admit(id)) {
            case Role.Original original -> processOriginal(file, read, original);
            case Role.KnownCopy known -> sendDuplicate(file, id, contentType(read));
            // Only the id waits with the copy: its bytes are not held meanwhile.
            case Role.WaitingCopy copy -> copy.original().thenComposeAsync(
                    outcome -> afterOriginal(file, id, outcome), finishing);
        };
    }

    private ReadFile read(InboxFile file) throws Rejection {
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
        try {
            return ReadFile.of(file.path(), file.size());
        } catch (IOException e) {
            throw new Rejection("read", "Could not read the file: " + e, e, null);
        }
    }

    private CompletableFuture<FileOutcome> processOriginal(InboxFile file, ReadFile read, Role.Original original) {
        CompletableFuture<FileOutcome> finished;
        try {
            IngestedDocument event = extract(file, read);
            finished = publisher.publish(event).handleAsync((metadata, error) -> {
                if (error == null) {
                    originals.published(original, file.relativePath(), event.getContentType());
                    return finisher.acknowledged(file, event);
                }
                return sendFailed(file, event, error, original);
            }, finishing);
        } catch (Rejection rejection) {
            finished = CompletableFuture.supplyAsync(() -> {
                originals.failed(original, file.relativePath(), rejection);
                return finisher.rejected(file, rejection);
            }, finishing);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            finished = CompletableFuture.completedFuture(FileOutcome.KEPT);
        } catch (RuntimeException e) {
            finished = CompletableFuture.failedFuture(e);
        }
        // Whatever happened, copies waiting for this original must not wait for ever.
        return finished.whenComplete((outcome, error) -> originals.unfinished(original));
    }

    private IngestedDocument extract(InboxFile file, ReadFile read) throws Rejection, InterruptedException {
        long start = System.nanoTime();
        Extraction extraction;
        try {
            extraction = parser.parse(read.source());
        } catch (ParseFailedException e) {
            throw new Rejection("parse", e.getMessage(), e.getCause(), read.id());
        }
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        metrics.extraction(took);
        if (extraction.text().isBlank()) {
            throw new Rejection("parse", noTextReason(extraction), null, read.id());
        }
        return events.ingested(file, read.id(), extraction, took.toMillis());
    }

    private static String noTextReason(Extraction extraction) {
        if ("application/octet-stream".equals(extraction.contentType())) {
            return "Unrecognised format: Tika found no known file type in these bytes";
        }
        return "No text found in this " + extraction.contentType() + " (a scan without a text layer needs OCR; "
                + "see the start-up log for whether Tesseract is installed)";
    }

    /** Runs on the finishing thread once the original of this copy has an outcome. */
    private CompletableFuture<FileOutcome> afterOriginal(InboxFile file, String id, Outcome outcome) {
        return switch (outcome) {
            case Outcome.Published published -> sendDuplicate(file, id, published.contentType());
            case Outcome.Failed failed -> CompletableFuture.completedFuture(finisher.rejected(file,
                    failed.rejection().sameBytesAs(failed.relativePath())));
            case Outcome.Unfinished unfinished -> CompletableFuture.completedFuture(FileOutcome.KEPT);
        };
    }

    private CompletableFuture<FileOutcome> sendDuplicate(InboxFile file, String id, String contentType) {
        IngestedDocument event = events.duplicate(file, id, contentType);
        return publisher.publish(event).handleAsync((metadata, error) -> error == null
                ? finisher.acknowledged(file, event) : sendFailed(file, event, error, null), finishing);
    }

    /** @param original the file's role when it is an original, null for a duplicate */
    private FileOutcome sendFailed(InboxFile file, IngestedDocument event, Throwable error, Role.Original original) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        if (permanent(cause)) {
            Rejection rejection = new Rejection("produce", "The event could not be sent: " + cause, cause,
                    event.getId());
            if (original != null) {
                originals.failed(original, file.relativePath(), rejection);
            }
            return finisher.rejected(file, rejection);
        }
        metrics.retry();
        LOG.warn("Sending the event for {} failed ({}); the file stays claimed and is retried", file.relativePath(),
                cause.toString());
        return FileOutcome.KEPT;
    }

    /**
     * Errors about this record itself; anything else (broker or registry away) is worth a retry. A
     * registry that cannot answer surfaces as a SerializationException but is no fault of the record.
     */
    static boolean permanent(Throwable error) {
        if (SchemaRegistryException.isUnavailable(error)) {
            return false;
        }
        return error instanceof RecordTooLargeException || error instanceof RecordBatchTooLargeException
                || error instanceof InvalidRecordException || error instanceof SerializationException;
    }

    private String contentType(ReadFile read) {
        try {
            return parser.parser().detect(read.source());
        } catch (IOException e) {
            return "application/octet-stream";
        }
    }
}
