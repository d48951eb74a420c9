package nl.kamerstroom.common.lifecycle;

import nl.kamerstroom.common.http.Health;

/**
 * A running part of the pipeline. {@link #start()} returns once the service does its work;
 * {@link #close()} stops it cleanly and may be called more than once.
 */
public interface Service extends AutoCloseable {

    /** A short name for logs and metrics: ingest, enrich, index. */
    String name();

    void start() throws Exception;

    /** Whether the service is doing its work now; served on /health. */
    Health health();

    @Override
    void close();
}
