package nl.kamerstroom.ingest.pipeline;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import nl.kamerstroom.ingest.config.IngestConfig;
import nl.kamerstroom.ingest.inbox.Claimer;
import nl.kamerstroom.ingest.inbox.InboxFile;
import nl.kamerstroom.ingest.inbox.Wakeup;
import nl.kamerstroom.ingest.metrics.IngestMetrics;
import nl.kamerstroom.ingest.parse.TimedParser;
import nl.kamerstroom.ingest.publish.DocumentEvents;
import nl.kamerstroom.ingest.publish.EventPublisher;
import nl.kamerstroom.ingest.publish.KnownIds;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs claimed files through the {@link FileProcessor} on PARSE_THREADS workers and finishes them
 * on one finishing thread (moves are cheap; one thread keeps them ordered and off the producer's
 * I/O thread). Every file holds a capacity permit from claim to done/failed. Files kept claimed
 * after a transient failure are retried with a growing delay (10 s up to 5 min).
 */
public final class IngestPipeline implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(IngestPipeline.class);
    private static final Duration FIRST_RETRY = Duration.ofSeconds(10);
    private static final Duration LAST_RETRY = Duration.ofMinutes(5);

    private final FileProcessor processor;
    private final ExecutorService workers;
    private final ScheduledThreadPoolExecutor finishing;
    private final Semaphore capacity;
    private final int wakeThreshold;
    private final Wakeup wakeup;
    private final IngestMetrics metrics;
    private final Map<String, Integer> attempts = new ConcurrentHashMap<>();

    public IngestPipeline(IngestConfig config, TimedParser parser, KnownIds knownIds, EventPublisher publisher,
                          Claimer claimer, IngestMetrics metrics, Semaphore capacity, Wakeup wakeup, Clock clock) {
        this.workers = Executors.newFixedThreadPool(config.parseThreads(),
                Thread.ofPlatform().name("ingest-worker-", 0).factory());
        this.finishing = new ScheduledThreadPoolExecutor(1, Thread.ofPlatform().name("ingest-finisher").factory());
        // Retries still waiting at shutdown are dropped: their files stay claimed for the next start.
        finishing.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        String instance = config.kafka().instanceId();
        DocumentEvents events = new DocumentEvents(instance, clock);
        Finisher finisher = new Finisher(config.doneDir(), config.failedDir(), claimer, publisher, events, metrics,
                instance, clock);
        this.processor = new FileProcessor(config.maxFileSize(), parser, new Originals(knownIds), publisher, events,
                finisher, finishing, metrics);
        this.capacity = capacity;
        this.wakeThreshold = Math.max(1, capacity.availablePermits() / 2);
        this.wakeup = wakeup;
        this.metrics = metrics;
    }

    /** Takes a claimed file; the caller has acquired a capacity permit for it. */
    public void submit(InboxFile claimed) {
        metrics.claimed();
        metrics.inProgress().incrementAndGet();
        try {
            workers.execute(() -> run(claimed));
        } catch (RejectedExecutionException e) {
            release(); // shutting down: the file stays claimed for the next start
        }
    }

    private void run(InboxFile file) {
        if (!Files.exists(file.path(), LinkOption.NOFOLLOW_LINKS)) {
            // Someone removed it from the claimed folder; retrying could only fail again.
            LOG.warn("{} vanished from the claimed folder before it was finished", file.relativePath());
            attempts.remove(file.relativePath());
            release();
            return;
        }
        CompletableFuture<FileOutcome> finished;
        try {
            finished = processor.process(file);
        } catch (RuntimeException e) { // the finishing thread is gone: shutting down
            LOG.debug("{} stays claimed: {}", file.relativePath(), e.toString());
            release();
            return;
        }
        finished.whenComplete((outcome, error) -> {
            if (error != null && finishing.isShutdown()) {
                LOG.debug("{} stays claimed: stopping", file.relativePath());
                release();
            } else if (error != null) {
                LOG.error("Processing {} failed unexpectedly; it stays claimed", file.relativePath(), error);
                release();
            } else if (outcome == FileOutcome.KEPT) {
                retryLater(file);
            } else {
                attempts.remove(file.relativePath());
                release();
            }
        });
    }

    private void retryLater(InboxFile file) {
        int attempt = attempts.merge(file.relativePath(), 1, Integer::sum);
        long delay = Math.min(LAST_RETRY.toMillis(), FIRST_RETRY.toMillis() << Math.min(attempt - 1, 10));
        try {
            finishing.schedule(() -> {
                try {
                    workers.execute(() -> run(file));
                } catch (RejectedExecutionException e) {
                    release();
                }
            }, delay, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            release();
        }
    }

    /**
     * Frees the file's permit. The scanner, if it stopped for lack of capacity, is woken once half
     * the capacity is free: it then claims a batch per scan instead of rescanning a large inbox
     * for every finished file.
     */
    private void release() {
        metrics.inProgress().decrementAndGet();
        capacity.release();
        if (capacity.availablePermits() >= wakeThreshold) {
            wakeup.signal();
        }
    }

    /**
     * Stops taking work: running parses get {@code grace} to finish, then are interrupted (their
     * files stay claimed for the next start). Call before closing the producer, and
     * {@link #closeFinishing} after it, so acknowledged files still reach done/.
     */
    public void stopWorkers(Duration grace) {
        workers.shutdown();
        try {
            if (!workers.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                workers.shutdownNow();
                workers.awaitTermination(2, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            workers.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    /** Lets queued finishing work (moves after acknowledgement) complete, then stops. */
    public void closeFinishing(Duration timeout) {
        finishing.shutdown();
        try {
            if (!finishing.awaitTermination(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                finishing.shutdownNow();
            }
        } catch (InterruptedException e) {
            finishing.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        stopWorkers(Duration.ofSeconds(5));
        closeFinishing(Duration.ofSeconds(5));
    }
}
