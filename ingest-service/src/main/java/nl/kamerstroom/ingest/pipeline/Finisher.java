package nl.kamerstroom.ingest.pipeline;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import nl.kamerstroom.ingest.inbox.Claimer;
import nl.kamerstroom.ingest.inbox.ErrorReport;
import nl.kamerstroom.ingest.inbox.ErrorReportWriter;
import nl.kamerstroom.ingest.inbox.InboxFile;
import nl.kamerstroom.ingest.inbox.NoOverwriteMover;
import nl.kamerstroom.ingest.metrics.IngestMetrics;
import nl.kamerstroom.ingest.publish.DocumentEvents;
import nl.kamerstroom.ingest.publish.EventPublisher;
import nl.kamerstroom.schema.IngestedDocument;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The last step of a file: out of the claimed folder into done/ (after its event was
 * acknowledged) or failed/ (with error.json and a failure event). A file whose move fails stays
 * claimed; it is tried again, and its repeated event is flagged as a duplicate.
 */
final class Finisher {

    private static final Logger LOG = LoggerFactory.getLogger(Finisher.class);

    private final Path doneDir;
    private final Path failedDir;
    private final NoOverwriteMover mover = new NoOverwriteMover();
    private final ErrorReportWriter errorReports = new ErrorReportWriter();
    private final Claimer claimer;
    private final EventPublisher publisher;
    private final DocumentEvents events;
    private final IngestMetrics metrics;
    private final String instance;
    private final Clock clock;

    Finisher(Path doneDir, Path failedDir, Claimer claimer, EventPublisher publisher,
             DocumentEvents events, IngestMetrics metrics, String instance, Clock clock) {
        this.doneDir = doneDir;
        this.failedDir = failedDir;
        this.claimer = claimer;
        this.publisher = publisher;
        this.events = events;
        this.metrics = metrics;
        this.instance = instance;
        this.clock = clock;
    }

    /** The broker has the event (and its id is recorded): move the file to done/. */
    FileOutcome acknowledged(InboxFile file, IngestedDocument event) {
        Path target;
        try {
            target = mover.move(file.path(), doneDir, file.relativePath());
        } catch (IOException e) {
            LOG.error("Event for {} was acknowledged but the file cannot move to {}: {}. It stays claimed and is "
                    + "retried (the repeat is flagged as a duplicate)", file.relativePath(), doneDir, e.toString());
            return FileOutcome.KEPT;
        }
        claimer.pruneEmptyParents(file.path());
        if (event.getDuplicate()) {
            metrics.duplicate(file.size());
            LOG.info("Duplicate: {} has the same bytes as an earlier document {}; recorded, moved to {}",
                    file.relativePath(), event.getId(), target);
            return FileOutcome.DUPLICATE;
        }
        metrics.done(file.size(), event.getTextLength());
        if (event.getOcrUsed()) {
            metrics.ocrUsed();
        }
        if (event.getTextTruncated()) {
            metrics.truncated();
            LOG.warn("Text of {} was cut at {} characters", file.relativePath(), event.getTextLength());
        }
        LOG.debug("Ingested {} as {} ({}, {} chars, {} ms)", file.relativePath(), event.getId(),
                event.getContentType(), event.getTextLength(), event.getExtractionMillis());
        return FileOutcome.DONE;
    }

    /** Moves the file to failed/, writes NAME.error.json beside it and sends a failure event. */
    FileOutcome rejected(InboxFile file, Rejection rejection) {
        Throwable cause = rejection.getCause();
        ErrorReport report = new ErrorReport(file.fileName(), file.relativePath(), rejection.stage(),
                rejection.getMessage(), cause == null ? null : cause.getClass().getName(),
                cause == null ? null : String.valueOf(cause.getMessage()), clock.instant(), instance,
                file.kind() == InboxFile.Kind.REGULAR ? file.size() : null, rejection.sha256());
        Path target;
        try {
            target = mover.move(file.path(), failedDir, file.relativePath());
            errorReports.writeBeside(target, report);
        } catch (IOException e) {
            LOG.error("Cannot move {} to {}: {}. It stays claimed and is retried", file.relativePath(), failedDir,
                    e.toString());
            return FileOutcome.KEPT;
        }
        claimer.pruneEmptyParents(file.path());
        metrics.failed(rejection.stage(), file.size());
        LOG.warn("Failed: {} ({} stage): {}; moved to {}", file.relativePath(), rejection.stage(),
                rejection.getMessage(), target);
        publisher.publish(events.failed(report, target)).whenComplete((metadata, error) -> {
            if (error != null) {
                LOG.warn("Failure event for {} was not sent: {}", file.relativePath(), error.toString());
            }
        });
        return FileOutcome.FAILED;
    }
}
