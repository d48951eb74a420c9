package nl.kamerstroom.ingest.pipeline;

/** How one claimed file ended. */
public enum FileOutcome {
    /** Its event was acknowledged and the file is in done/. */
    DONE,
    /** Seen before: a duplicate event was acknowledged and the file is in done/. */
    DUPLICATE,
    /** In failed/ with its error.json. */
    FAILED,
    /** Still in the claimed folder (transient send failure, a move that failed, or shutdown): retried later. */
    KEPT
}
