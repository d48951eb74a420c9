package nl.kamerstroom.ingest.parse;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs each parse on a parse thread and waits at most the parse timeout. A parse past its time
 * is abandoned: the file fails, the caller moves on, and the parse thread is interrupted. Our
 * text handler and decompression guard stop at the interrupt, so most parsers end at their
 * next piece of text; one stuck inside a parser that never yields keeps its thread (and heap)
 * until it ends by itself, as Java cannot stop a thread.
 *
 * <p>Threads are bounded: at most {@code parseThreads + maxAbandoned} parse threads exist, idle
 * ones end after 30 s. When {@code maxAbandoned} abandoned parses are still running,
 * {@link #saturated()} says so (the inbox then stops claiming files, with a warning) and a
 * parse that finds every thread taken waits for one; {@code onThreadFreed} runs when a stuck
 * parse finally ends. Anything a parse throws, OutOfMemoryError and StackOverflowError included,
 * ends that one parse.
 */
public final class TimedParser implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TimedParser.class);

    private final DocumentParser parser;
    private final Duration timeout;
    private final int maxAbandoned;
    private final Runnable onThreadFreed;
    private final Semaphore threadSlots;
    private final ThreadPoolExecutor threads;
    private final AtomicLong abandoned = new AtomicLong();
    private final AtomicInteger stillRunning = new AtomicInteger();

    /**
     * @param parseThreads  parses the callers run at once
     * @param maxAbandoned  abandoned parses that may keep a thread before the service stops taking files
     * @param onThreadFreed called when an abandoned parse ends, so whoever waits for {@link #saturated()} looks again
     */
    public TimedParser(DocumentParser parser, Duration timeout, int parseThreads, int maxAbandoned,
                       Runnable onThreadFreed) {
        this.parser = parser;
        this.timeout = timeout;
        this.maxAbandoned = maxAbandoned;
        this.onThreadFreed = onThreadFreed;
        int slots = parseThreads + maxAbandoned;
        this.threadSlots = new Semaphore(slots);
        // Threads are reused (parsers keep thread-local caches worth keeping); the semaphore keeps
        // tasks from ever queueing behind a stuck parse.
        this.threads = new ThreadPoolExecutor(slots, slots, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                Thread.ofPlatform().name("ingest-parse-", 0).daemon(true).factory());
        threads.allowCoreThreadTimeOut(true);
    }

    public Extraction parse(Source source) throws ParseFailedException, InterruptedException {
        threadSlots.acquire();
        Parse parse = new Parse(source);
        try {
            threads.execute(parse);
        } catch (RejectedExecutionException e) {
            threadSlots.release();
            throw new InterruptedException("The parse threads are shut down");
        }
        try {
            parse.result.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            if (parse.abandon()) {
                abandoned.incrementAndGet();
                throw new ParseFailedException("Parse took longer than PARSE_TIMEOUT (" + timeout.toMillis()
                        + " ms) and was abandoned", e);
            }
        } catch (ExecutionException e) {
            // the failure is read from the result below
        } catch (InterruptedException e) {
            parse.abandon();
            throw e;
        }
        if (parse.result.state() == Future.State.SUCCESS) {
            return parse.result.resultNow();
        }
        Throwable failure = parse.result.exceptionNow();
        throw new ParseFailedException(FailureReasons.describe(failure, typeOf(source)), failure);
    }

    private String typeOf(Source source) {
        try {
            return parser.detect(source);
        } catch (IOException | RuntimeException e) {
            return "file";
        }
    }

    /** Parses given up on after the timeout since start-up. */
    public long abandoned() {
        return abandoned.get();
    }

    /** Abandoned parses that still hold their thread. */
    public int stillRunning() {
        return stillRunning.get();
    }

    /** True while so many abandoned parses still run that no new files should be taken. */
    public boolean saturated() {
        return stillRunning.get() >= maxAbandoned;
    }

    public DocumentParser parser() {
        return parser;
    }

    /** Parse threads alive now, busy or idle. */
    public int threadCount() {
        return threads.getPoolSize();
    }

    @Override
    public void close() {
        threads.shutdownNow();
    }

    /** One parse on a parse thread; abandoning it interrupts that thread. */
    private final class Parse implements Runnable {

        private final Source source;
        private final CompletableFuture<Extraction> result = new CompletableFuture<>();
        private Thread thread;
        private boolean abandoned;
        private boolean finished;

        Parse(Source source) {
            this.source = source;
        }

        @Override
        public void run() {
            synchronized (this) {
                if (abandoned) {
                    threadSlots.release();
                    return;
                }
                thread = Thread.currentThread();
            }
            try {
                result.complete(parser.extract(source));
            } catch (Throwable e) {
                result.completeExceptionally(e);
            } finally {
                boolean wasAbandoned;
                synchronized (this) {
                    finished = true;
                    thread = null;
                    wasAbandoned = abandoned;
                }
                Thread.interrupted(); // an interrupt meant for this parse must not reach the next one
                threadSlots.release();
                if (wasAbandoned) {
                    ended();
                }
            }
        }

        /** Interrupts the parse; false when it had already finished, so its result stands. */
        synchronized boolean abandon() {
            if (finished) {
                return false;
            }
            abandoned = true;
            if (thread != null) {
                thread.interrupt();
                if (stillRunning.incrementAndGet() == maxAbandoned) {
                    LOG.warn("{} abandoned parses still hold their threads (MAX_ABANDONED_PARSES); no new files are "
                            + "claimed until one of them ends", maxAbandoned);
                }
            }
            return true;
        }

        private void ended() {
            if (stillRunning.decrementAndGet() == maxAbandoned - 1) {
                LOG.info("An abandoned parse of {} ended after all; files are claimed again", source.fileName());
            }
            onThreadFreed.run();
        }
    }
}
