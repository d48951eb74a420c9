package nl.kamerstroom.ingest.pipeline;

/**
 * A file that cannot be ingested, with what the operator needs to know: the step (claim,
 * read, parse, produce) and a reason in plain words.
 */
final class Rejection extends Exception {

    private final String stage;
    private final String sha256;

    Rejection(String stage, String reason, Throwable cause, String sha256) {
        super(reason, cause);
        this.stage = stage;
        this.sha256 = sha256;
    }

    /** The same failure for a copy of the file that failed: same step, same cause, its own reason. */
    Rejection sameBytesAs(String originalPath) {
        return new Rejection(stage, "Same bytes as " + originalPath + ", which failed: " + getMessage(), getCause(),
                sha256);
    }

    String stage() {
        return stage;
    }

    String sha256() {
        return sha256;
    }
}
