package nl.kamerstroom.common.lifecycle;

/**
 * A service (or {@code up}) could not start. Its message is one line that says why, meant for an
 * operator's terminal or a container log; the exception that caused it, with its stack trace,
 * is logged at DEBUG ({@code LOG_LEVEL=DEBUG}).
 */
public final class StartFailure extends RuntimeException {

    public StartFailure(String what, Throwable cause) {
        super(what + " could not start: " + reason(cause), cause);
    }

    /**
     * The failure's own message (what was being done) and, when it adds something, that of its
     * root cause (what went wrong, "Address already in use"); first lines only.
     */
    static String reason(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String outer = describe(error);
        String inner = describe(root);
        return root == error || outer.contains(inner) ? outer : outer + ": " + inner;
    }

    private static String describe(Throwable error) {
        return error.getMessage() == null ? error.getClass().getSimpleName() : firstLine(error.getMessage());
    }

    private static String firstLine(String message) {
        int end = message.indexOf('\n');
        String line = (end < 0 ? message : message.substring(0, end)).strip();
        // "...failed (log broker.log):" announces the log lines cut off here.
        return line.endsWith(":") ? line.substring(0, line.length() - 1) : line;
    }
}
