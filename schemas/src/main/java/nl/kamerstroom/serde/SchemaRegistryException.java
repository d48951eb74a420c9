package nl.kamerstroom.serde;

import org.apache.kafka.common.errors.SerializationException;

/**
 * The registry could not be reached, or answered with an error. Extends Kafka's
 * {@link SerializationException} so producers, consumers and Kafka Streams' exception
 * handlers treat it like any other serialisation failure.
 */
public class SchemaRegistryException extends SerializationException {

    private final int status;
    private final int errorCode;

    public SchemaRegistryException(String message, int status, int errorCode, Throwable cause) {
        super(message, cause);
        this.status = status;
        this.errorCode = errorCode;
    }

    /** HTTP status of the registry's answer, or 0 when there was none. */
    public int status() {
        return status;
    }

    /** Confluent error code (40401 subject not found, 409 incompatible, ...), or 0. */
    public int errorCode() {
        return errorCode;
    }

    /**
     * The registry could not answer (unreachable, 5xx): a fault of the moment, not of the record,
     * so a consumer retries rather than dead-letter it.
     */
    public boolean isUnavailable() {
        return status == 0 || status >= 500;
    }

    /** Whether {@code error} or one of its causes is a registry that could not answer: retry, never dead-letter. */
    public static boolean isUnavailable(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SchemaRegistryException registry && registry.isUnavailable()) {
                return true;
            }
        }
        return false;
    }

    public boolean isNotFound() {
        return status == 404;
    }
}
