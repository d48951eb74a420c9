package nl.kamerstroom.ingest.inbox;

import java.time.Instant;

/**
 * Why a file is in failed/: written beside it as {@code NAME.error.json}, sent as a
 * {@code documents.failed} event.
 *
 * @param stage  the step that failed: claim, read, parse, produce
 * @param reason a sentence an operator can act on
 */
public record ErrorReport(String fileName, String relativePath, String stage, String reason, String errorClass,
                          String errorMessage, Instant failedAt, String instance, Long sizeBytes, String sha256) {
}
