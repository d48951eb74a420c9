package nl.kamerstroom.enrich.metrics;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Logs one summary line per interval, only when something changed since the last one. */
public final class ProgressLog implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ProgressLog.class);

    private final EnrichMetrics metrics;
    private final Duration interval;
    private final ScheduledExecutorService timer;
    private long lastEnriched;
    private long lastDuplicates;
    private long lastDeadLetters;

    private ProgressLog(EnrichMetrics metrics, Duration interval) {
        this.metrics = metrics;
        this.interval = interval;
        this.timer = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("enrich-progress")
                .daemon().factory());
    }

    public static ProgressLog start(EnrichMetrics metrics, Duration interval) {
        ProgressLog log = new ProgressLog(metrics, interval);
        log.timer.scheduleAtFixedRate(log::report, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
        return log;
    }

    private void report() {
        long enriched = metrics.enrichedCount();
        long duplicates = metrics.duplicateCount();
        long deadLetters = metrics.deadLetterCount();
        if (enriched == lastEnriched && duplicates == lastDuplicates && deadLetters == lastDeadLetters) {
            return;
        }
        double seconds = interval.toMillis() / 1000.0;
        LOG.info("Enriched {} documents (+{}, {}/s), {} duplicates skipped (+{}), {} dead letters (+{})",
                enriched, enriched - lastEnriched, String.format("%.1f", (enriched - lastEnriched) / seconds),
                duplicates, duplicates - lastDuplicates, deadLetters, deadLetters - lastDeadLetters);
        lastEnriched = enriched;
        lastDuplicates = duplicates;
        lastDeadLetters = deadLetters;
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
