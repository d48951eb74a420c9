package nl.kamerstroom.enrich.errors;

import java.time.Duration;
import nl.kamerstroom.serde.SchemaRegistryException;

/**
 * A registry that cannot answer is no fault of the record being read or written: the handlers
 * fail the stream thread instead of dead-lettering, the thread is replaced, and the task reads
 * its records again (under exactly-once its open transaction is aborted) once the registry is back.
 */
final class RegistryOutage {

    /** Keeps replaced threads from asking a registry that is down many times a second. */
    static final Duration RETRY_PAUSE = Duration.ofSeconds(1);

    private RegistryOutage() {}

    /** True, after a pause, when {@code error} comes from a registry that could not answer. */
    static boolean waitedOut(Throwable error) {
        if (!SchemaRegistryException.isUnavailable(error)) {
            return false;
        }
        try {
            Thread.sleep(RETRY_PAUSE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return true;
    }
}
