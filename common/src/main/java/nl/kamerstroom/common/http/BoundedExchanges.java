package nl.kamerstroom.common.http;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs HTTP exchanges on a fixed number of threads with a bounded queue. An exchange that finds
 * both full is not dropped (the JDK server would close the connection without an answer) but
 * run on a short-lived virtual thread marked as overflow, where the server answers it with 503
 * at once instead of calling its handler: the work a flood of requests causes stays bounded and
 * every client hears why.
 */
final class BoundedExchanges implements Executor, AutoCloseable {

    private static final ThreadLocal<Boolean> OVERFLOW = ThreadLocal.withInitial(() -> false);

    private final ThreadPoolExecutor workers;

    BoundedExchanges(int threads, int queue) {
        AtomicInteger number = new AtomicInteger();
        workers = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS,
                queue == 0 ? new SynchronousQueue<>() : new ArrayBlockingQueue<>(queue),
                work -> {
                    Thread thread = new Thread(work, "http-" + number.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
    }

    /** True on the thread of an exchange that found the workers and the queue full. */
    static boolean overflow() {
        return OVERFLOW.get();
    }

    @Override
    public void execute(Runnable exchange) {
        try {
            workers.execute(exchange);
        } catch (RejectedExecutionException e) {
            if (workers.isShutdown()) {
                throw e;
            }
            Thread.ofVirtual().name("http-overflow").start(() -> {
                OVERFLOW.set(true);
                exchange.run();
            });
        }
    }

    /** Requests waiting for a thread. */
    int queued() {
        return workers.getQueue().size();
    }

    @Override
    public void close() {
        workers.shutdownNow();
    }
}
