package nl.kamerstroom.embedded;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the broker and the registry share: one child JVM working in a data directory, stopped
 * gracefully or killed as in a crash, and the directory deleted on close when it is ephemeral.
 */
abstract class ChildServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ChildServer.class);

    protected final DataDir dataDir;
    private final Duration stopTimeout;
    protected ChildJvm child;

    ChildServer(DataDir dataDir, Duration stopTimeout) {
        this.dataDir = dataDir;
        this.stopTimeout = stopTimeout;
    }

    /** Graceful stop: the child flushes its state before it exits. */
    public synchronized void stop() {
        if (child != null) {
            long started = System.nanoTime();
            child.stop(stopTimeout);
            LOG.info("{} stopped in {} ms", child.name(), TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
            child = null;
        }
    }

    /** SIGKILL, as in a crash: the next start recovers. */
    public synchronized void kill() {
        if (child != null) {
            child.kill();
            child = null;
        }
    }

    /** Stops the child and deletes its data directory when it is ephemeral. */
    @Override
    public void close() {
        stop();
        dataDir.deleteIfEphemeral();
    }

    public synchronized boolean isRunning() {
        return child != null && child.isAlive();
    }

    /** The child's process id, or -1 when it is not running. */
    public synchronized long pid() {
        return isRunning() ? child.pid() : -1;
    }

    public Path dataDir() {
        return dataDir.path();
    }

    /** The child's stdout and stderr. */
    public abstract Path logFile();
}
