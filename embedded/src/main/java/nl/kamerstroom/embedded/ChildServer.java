package nl.kamerstroom.embedded;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the broker, the registry and the OpenSearch node share: one child JVM working in a data
 * directory and serving on a port fixed when it is built (so a restart comes back on the same
 * address), started and awaited the same way, stopped gracefully or killed as in a crash, and the
 * directory deleted on close when it is ephemeral.
 */
abstract class ChildServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ChildServer.class);

    protected final DataDir dataDir;
    protected final int port;
    protected final String heap;
    private final Duration startTimeout;
    private final Duration stopTimeout;
    protected ChildJvm child;

    ChildServer(Builder<?> builder, String tempDirPrefix, Duration stopTimeout) {
        this.dataDir = DataDir.of(builder.dataDir, tempDirPrefix);
        this.port = FreePort.orAny(builder.port);
        this.heap = builder.heap;
        this.startTimeout = builder.startTimeout;
        this.stopTimeout = stopTimeout;
    }

    /** The child process, started but not yet awaited. */
    protected abstract ChildJvm launch();

    /** Whether the child, which listens on its port by now, answers as a ready server does. */
    protected abstract boolean answers();

    /** What a client needs to reach the child, for logs and messages. */
    protected abstract String address();

    /** Details for the "ready" log line, each starting with {@code ", "}. */
    protected abstract String readyDetails();

    /** Work to do once the child answers and before it counts as started; nothing by default. */
    protected void afterStart() {
    }

    /**
     * Launches the child unless it is running, and returns once it listens on its port and
     * {@link #answers()}; when it exits or the start timeout passes first, it is killed and the
     * failure, with the tail of its log, thrown.
     */
    protected final synchronized void startChild() {
        if (isRunning()) {
            return;
        }
        long started = System.nanoTime();
        child = launch();
        Await.until(child, startTimeout, "Starting " + child.name() + " on " + address(),
                () -> Await.listening(port) && answers());
        afterStart();
        LOG.info("{} ready at {} in {} ms (pid {}{})", child.name(), address(),
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started), child.pid(), readyDetails());
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

    /** The port the child serves its clients on, 127.0.0.1. */
    public int port() {
        return port;
    }

    public Path dataDir() {
        return dataDir.path();
    }

    /** The child's stdout and stderr. */
    public abstract Path logFile();

    /**
     * The options every child server has; each has a default suited to tests.
     *
     * @param <B> the concrete builder, so that chained calls keep its own options in reach
     */
    abstract static class Builder<B extends Builder<B>> {
        private Path dataDir;
        private int port;
        private String heap;
        private Duration startTimeout;

        Builder(String defaultHeap, Duration defaultStartTimeout) {
            this.heap = defaultHeap;
            this.startTimeout = defaultStartTimeout;
        }

        /** The child's working directory, kept across restarts; default: a temp directory deleted on close. */
        public B dataDir(Path dataDir) {
            this.dataDir = dataDir;
            return self();
        }

        /** The port on 127.0.0.1 that clients use; 0 (default) picks a free one. */
        public B port(int port) {
            this.port = port;
            return self();
        }

        /** Heap of the child JVM, in {@code -Xmx} syntax. */
        public B heap(String heap) {
            this.heap = heap;
            return self();
        }

        /** How long {@code start()} waits for the child to answer. */
        public B startTimeout(Duration startTimeout) {
            this.startTimeout = startTimeout;
            return self();
        }

        @SuppressWarnings("unchecked")
        private B self() {
            return (B) this;
        }
    }
}
